package dev.tenancy.query.analytics;

import dev.tenancy.query.replay.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Both analytics processing groups can be rebuilt beside the live model (docs/operations-replay.md), each into its
 * own collections of {@link AnalyticsStore}. The projections publish no query updates, so nothing else is bound.
 */
@Configuration(proxyBeanMethods = false)
class AnalyticsReadModel {

    @Bean
    RebuildableReadModel rebuildableTenantLifecycle() {
        return RebuildableReadModel.of(TenantLifecycleProjection.GROUP, AnalyticsStore.LIFECYCLE,
                collections -> new TenantLifecycleProjection(AnalyticsStore.lifecycle(collections)));
    }

    @Bean
    RebuildableReadModel rebuildableUsageTotals() {
        return RebuildableReadModel.of(UsageTotalsProjection.GROUP, AnalyticsStore.USAGE,
                collections -> new UsageTotalsProjection(AnalyticsStore.usage(collections)));
    }
}
