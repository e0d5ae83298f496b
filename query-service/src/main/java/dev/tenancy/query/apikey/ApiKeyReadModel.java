package dev.tenancy.query.apikey;

import dev.tenancy.query.replay.RebuildableReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The API key read model can be rebuilt beside the live one (docs/operations-replay.md). */
@Configuration(proxyBeanMethods = false)
class ApiKeyReadModel {

    @Bean
    RebuildableReadModel rebuildableApiKeys() {
        return RebuildableReadModel.of(ApiKeyProjection.GROUP,
                List.of(ApiKeyViewStore.KEYS, ApiKeyViewStore.TENANTS),
                collections -> new ApiKeyProjection(new ApiKeyViewStore(collections),
                        RebuildableReadModel.quietUpdates()));
    }
}
