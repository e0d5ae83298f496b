package dev.tenancy.query.apikey;

import java.util.List;

public record ApiKeysResponse(List<ApiKeyItem> apiKeys) {
}
