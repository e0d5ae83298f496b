package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.platform.ratelimit.TenantLimitsLookup;
import dev.tenancy.platform.tenant.TenantRef;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The API call limit in force, overrides included, from the tenants read model. */
@Component
public class ReadModelTenantLimits implements TenantLimitsLookup {

    private final TenantViewRepository tenants;

    public ReadModelTenantLimits(TenantViewRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    public Optional<Quota> apiCallsPerHour(TenantRef tenant) {
        return tenants.find(TenantId.of(tenant.id())).map(view -> view.limits().apiCallsPerHour());
    }
}
