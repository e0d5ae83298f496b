package dev.tenancy.command.directory;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.platform.ratelimit.TenantLimitsLookup;
import dev.tenancy.platform.tenant.TenantRef;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The API call limit in force, overrides included, from the command side's tenant directory. */
@Component
public class DirectoryTenantLimits implements TenantLimitsLookup {

    private final TenantDirectoryStore store;

    public DirectoryTenantLimits(TenantDirectoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<Quota> apiCallsPerHour(TenantRef tenant) {
        return store.find(tenant.id()).map(DirectoryEntry::apiCallsPerHour);
    }
}
