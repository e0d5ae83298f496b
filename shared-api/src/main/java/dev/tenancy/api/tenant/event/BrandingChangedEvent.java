package dev.tenancy.api.tenant.event;

import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.TenantMessage;

import java.util.List;

public record BrandingChangedEvent(String tenantId, List<FieldChange> changes) implements TenantMessage {
}
