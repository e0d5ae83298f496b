package dev.tenancy.api.tenant;

import java.util.Objects;
import java.util.UUID;

/** Identity of a tenant. Repositories of tenant data take this type, never a bare string. */
public record TenantId(String value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("tenant id must not be blank");
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    public static TenantId generate() {
        return new TenantId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
