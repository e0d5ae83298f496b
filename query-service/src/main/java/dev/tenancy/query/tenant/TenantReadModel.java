package dev.tenancy.query.tenant;

import dev.tenancy.query.replay.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The tenants read model can be rebuilt beside the live one (docs/operations-replay.md). */
@Configuration(proxyBeanMethods = false)
class TenantReadModel {

    @Bean
    RebuildableReadModel rebuildableTenants() {
        return RebuildableReadModel.of(TenantProjection.GROUP, List.of(TenantViewRepository.COLLECTION),
                collections -> new TenantProjection(new TenantViewRepository(collections),
                        RebuildableReadModel.quietUpdates()));
    }
}
