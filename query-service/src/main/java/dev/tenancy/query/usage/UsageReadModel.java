package dev.tenancy.query.usage;

import dev.tenancy.query.replay.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The usage read model can be rebuilt beside the live one (docs/operations-replay.md). Its views are only read to
 * answer waiting readers, and a rebuild's projection has none, so the live views serve.
 */
@Configuration(proxyBeanMethods = false)
class UsageReadModel {

    @Bean
    RebuildableReadModel rebuildableUsage(UsageViews views) {
        return RebuildableReadModel.of(UsageProjection.GROUP,
                List.of(UsageStore.TENANTS, UsageStore.COUNTERS, UsageStore.DAYS),
                collections -> new UsageProjection(new UsageStore(collections), views,
                        RebuildableReadModel.quietUpdates()));
    }
}
