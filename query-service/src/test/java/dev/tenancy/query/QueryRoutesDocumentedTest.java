package dev.tenancy.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Every read route is in the OpenAPI document the gateway merges. */
class QueryRoutesDocumentedTest extends QueryServiceTestSupport {

    @Test
    void everyRouteIsDescribed() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode paths = body(response).get("paths");
        assertThat(paths.fieldNames()).toIterable().contains("/api/v1/plans", "/api/v1/branding",
                "/api/v1/tenants", "/api/v1/tenants/{id}", "/api/v1/tenants/current",
                "/api/v1/tenants/current/features", "/api/v1/tenants/current/settings",
                "/api/v1/tenants/current/branding", "/api/v1/tenants/current/domains",
                "/api/v1/tenants/current/usage", "/api/v1/tenants/current/usage/history",
                "/api/v1/tenants/current/limits/{resource}", "/api/v1/tenants/{id}/usage", "/api/v1/usage/top",
                "/api/v1/tenants/current/users");
        assertThat(paths.at("/~1api~1v1~1tenants/get/parameters").findValuesAsText("name"))
                .containsExactly("q", "status", "plan", "createdFrom", "createdTo", "overLimit", "page", "size",
                        "sort");
    }
}
