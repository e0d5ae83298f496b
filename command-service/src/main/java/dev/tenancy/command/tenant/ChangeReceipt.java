package dev.tenancy.command.tenant;

import dev.tenancy.api.tenant.FieldChange;

import java.util.List;

/** What a settings or branding update answers: the fields that really changed (none: no event) and the version. */
public record ChangeReceipt(List<String> changed, long version) {

    static ChangeReceipt of(List<FieldChange> changes, long version) {
        return new ChangeReceipt(changes.stream().map(FieldChange::field).toList(), version);
    }
}
