package dev.tenancy.query.impersonation;

import dev.tenancy.query.replay.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The impersonations read model can be rebuilt beside the live one (docs/operations-replay.md). */
@Configuration(proxyBeanMethods = false)
class ImpersonationReadModel {

    @Bean
    RebuildableReadModel rebuildableImpersonations() {
        return RebuildableReadModel.of(ImpersonationProjection.GROUP, List.of(ImpersonationStore.SESSIONS),
                collections -> new ImpersonationProjection(new ImpersonationStore(collections)));
    }
}
