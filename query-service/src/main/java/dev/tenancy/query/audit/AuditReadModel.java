package dev.tenancy.query.audit;

import dev.tenancy.query.replay.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The audit read model can be rebuilt beside the live one (docs/operations-replay.md). A row depends on its event
 * alone and is keyed by the event id, so a fresh projection writes the same rows into the rebuild's collection.
 */
@Configuration(proxyBeanMethods = false)
class AuditReadModel {

    @Bean
    RebuildableReadModel rebuildableAudit() {
        return RebuildableReadModel.of(AuditProjection.GROUP, List.of(AuditStore.COLLECTION),
                collections -> new AuditProjection(new AuditStore(collections)));
    }
}
