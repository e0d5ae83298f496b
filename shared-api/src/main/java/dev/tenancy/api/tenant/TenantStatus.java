package dev.tenancy.api.tenant;

public enum TenantStatus {
    ACTIVE,
    SUSPENDED,
    DELETED
}
