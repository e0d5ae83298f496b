package dev.tenancy.query.tenant;

import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Resolves requests to tenants from the tenants read model. Deleted tenants are returned as such (status DELETED):
 * the platform answers 404 for them, and must be able to tell them from tenants it has never heard of.
 */
@Component
public class ReadModelTenantDirectory implements TenantDirectory {

    private final TenantViewRepository tenants;
    private final AllTenantsRepository allTenants;

    public ReadModelTenantDirectory(TenantViewRepository tenants, AllTenantsRepository allTenants) {
        this.tenants = tenants;
        this.allTenants = allTenants;
    }

    @Override
    public Optional<TenantRef> findById(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return Optional.empty();
        }
        return tenants.findDocument(TenantId.of(tenantId)).map(TenantDocuments::toRef);
    }

    @Override
    public Optional<TenantRef> findBySlug(String slug) {
        if (slug == null || slug.isBlank()) {
            return Optional.empty();
        }
        return allTenants.findAnyTenantBySlug(slug).map(TenantDocuments::toRef);
    }

    @Override
    public Optional<TenantRef> findByVerifiedDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            return Optional.empty();
        }
        return allTenants.findAnyTenantByVerifiedDomain(domain).map(TenantDocuments::toRef);
    }
}
