package dev.tenancy.query.apikey;

import dev.tenancy.api.apikey.query.ApiKeyListView;
import dev.tenancy.api.apikey.query.FindApiKeysQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the API key queries from the read model; null means "no such tenant (yet)". */
@Component
public class ApiKeyQueryHandlers {

    private final ApiKeyViewStore store;

    public ApiKeyQueryHandlers(ApiKeyViewStore store) {
        this.store = store;
    }

    @QueryHandler
    ApiKeyListView handle(FindApiKeysQuery query) {
        return store.view(query.tenantId()).orElse(null);
    }
}
