package dev.tenancy.command.directory;

import dev.tenancy.command.tenant.SlugRegistry;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The command side's answer to "which tenant is this": slugs from the slug registry, everything else from the
 * directory the subscribing projection keeps, so a command sent right after another sees its effect.
 */
@Component
public class CommandTenantDirectory implements TenantDirectory {

    private final TenantDirectoryStore store;
    private final SlugRegistry slugs;

    public CommandTenantDirectory(TenantDirectoryStore store, SlugRegistry slugs) {
        this.store = store;
        this.slugs = slugs;
    }

    @Override
    public Optional<TenantRef> findById(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return Optional.empty();
        }
        return store.findOrRebuild(tenantId).map(DirectoryEntry::toRef);
    }

    @Override
    public Optional<TenantRef> findBySlug(String slug) {
        return slugs.tenantOf(slug).flatMap(id -> findById(id.value()));
    }

    @Override
    public Optional<TenantRef> findByVerifiedDomain(String domain) {
        return store.findByVerifiedDomain(domain).map(DirectoryEntry::toRef);
    }
}
