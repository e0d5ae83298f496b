package dev.tenancy.command.settings;

import java.util.List;

/** {@code changed}: the dotted paths that really changed; empty when the request changed nothing (no event). */
public record SettingsResponse(String tenantId, long version, List<String> changed) {
}
