package dev.tenancy.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every read route the service maps is in the OpenAPI document the gateway merges: new routes are covered too. */
class QueryRoutesDocumentedTest extends QueryServiceTestSupport {

    @Autowired
    private RequestMappingHandlerMapping requestMappingHandlerMapping;

    @Test
    void everyRouteIsDescribed() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode paths = body(response).get("paths");
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : requestMappingHandlerMapping.getHandlerMethods().keySet()) {
            info.getPatternValues().stream().filter(pattern -> pattern.startsWith("/api/")).forEach(mapped::add);
        }
        assertThat(mapped).contains("/api/v1/plans", "/api/v1/tenants/current", "/api/v1/usage/top");
        assertThat(paths.fieldNames()).toIterable().containsAll(mapped);
        assertThat(paths.at("/~1api~1v1~1tenants/get/parameters").findValuesAsText("name"))
                .containsExactly("q", "status", "plan", "createdFrom", "createdTo", "overLimit", "page", "size",
                        "sort");
    }
}
