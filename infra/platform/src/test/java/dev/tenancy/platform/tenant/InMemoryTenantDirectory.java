package dev.tenancy.platform.tenant;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A directory over a map, standing in for the services' real ones. */
class InMemoryTenantDirectory implements TenantDirectory {

    private final Map<String, TenantRef> byId = new ConcurrentHashMap<>();
    private final Map<String, String> verifiedDomains = new ConcurrentHashMap<>();

    InMemoryTenantDirectory put(TenantRef tenant) {
        byId.put(tenant.id(), tenant);
        return this;
    }

    InMemoryTenantDirectory verifiedDomain(String domain, TenantRef tenant) {
        verifiedDomains.put(domain, tenant.id());
        return this;
    }

    @Override
    public Optional<TenantRef> findById(String tenantId) {
        return Optional.ofNullable(byId.get(tenantId));
    }

    @Override
    public Optional<TenantRef> findBySlug(String slug) {
        return byId.values().stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    @Override
    public Optional<TenantRef> findByVerifiedDomain(String domain) {
        return Optional.ofNullable(verifiedDomains.get(domain)).flatMap(this::findById);
    }
}
