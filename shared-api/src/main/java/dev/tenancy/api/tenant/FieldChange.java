package dev.tenancy.api.tenant;

/**
 * One field that changed, with its value before and after: settings and branding events record exactly this, so the
 * audit trail shows old -> new without recomputing anything. Values are JSON scalars or lists of strings; secrets
 * are never put here in clear.
 */
public record FieldChange(String field, Object oldValue, Object newValue) {
}
