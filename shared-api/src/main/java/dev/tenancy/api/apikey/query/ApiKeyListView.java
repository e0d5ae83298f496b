package dev.tenancy.api.apikey.query;

import java.util.List;

/** A tenant's API keys, newest first, as of the tenant's aggregate {@code version}. */
public record ApiKeyListView(String tenantId, long version, List<ApiKeyView> apiKeys) {

    public ApiKeyListView {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }
}
