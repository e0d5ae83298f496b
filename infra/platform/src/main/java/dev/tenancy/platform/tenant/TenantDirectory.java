package dev.tenancy.platform.tenant;

import java.util.Optional;

/**
 * Looks tenants up for request handling. Each service implements it from its own state (the command side from its
 * registries, the query side from its read model); lookups of deleted tenants return them with status DELETED.
 */
public interface TenantDirectory {

    Optional<TenantRef> findById(String tenantId);

    Optional<TenantRef> findBySlug(String slug);

    /** Only verified domains resolve. */
    Optional<TenantRef> findByVerifiedDomain(String domain);
}
