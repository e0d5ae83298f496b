package dev.tenancy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void earlierDocumentWinsClashesWhileExtensionsAndSecurityAreUnioned() throws Exception {
        JsonNode command = json.readTree("""
                {"openapi":"3.1.0","info":{"version":"1.2.3"},
                 "security":[{"bearer":[]}],
                 "x-tagGroups":[{"name":"Commands"}],
                 "paths":{"/api/tenants/{id}":{"get":{"operationId":"fromCommand"}}},
                 "components":{"schemas":{"Problem":{"description":"command"}},
                   "x-problem-types":{"a":{"status":409}}}}
                """);
        JsonNode query = json.readTree("""
                {"openapi":"3.0.1","info":{"version":"9.9.9"},
                 "security":[{"bearer":[]},{"apiKey":[]}],
                 "x-tagGroups":[{"name":"Queries"}],
                 "paths":{"/api/tenants/{id}":{"get":{"operationId":"fromQuery"},"head":{"operationId":"headQuery"}}},
                 "components":{"schemas":{"Problem":{"description":"query"}},
                   "x-problem-types":{"b":{"status":404}}}}
                """);

        ObjectNode merged = OpenApiMerger.merge(List.of(command, query), List.of());

        assertThat(merged.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(merged.at("/info/version").asText()).isEqualTo("1.2.3");
        assertThat(merged.at("/paths/~1api~1tenants~1{id}/get/operationId").asText()).isEqualTo("fromCommand");
        assertThat(merged.at("/paths/~1api~1tenants~1{id}/head/operationId").asText()).isEqualTo("headQuery");
        assertThat(merged.at("/components/schemas/Problem/description").asText()).isEqualTo("command");
        assertThat(merged.at("/components/x-problem-types").fieldNames()).toIterable().containsExactly("a", "b");
        assertThat(merged.path("security").toString()).isEqualTo("[{\"bearer\":[]},{\"apiKey\":[]}]");
        assertThat(merged.path("x-tagGroups").findValuesAsText("name")).containsExactly("Commands", "Queries");
    }

    @Test
    void withNothingReachableTheDocumentIsStillValidAndSaysWhy() {
        ObjectNode merged = OpenApiMerger.merge(List.of(), List.of("command-service", "query-service"));

        assertThat(merged.path("openapi").asText()).isEqualTo("3.0.1");
        assertThat(merged.at("/info/title").asText()).isEqualTo("Tenancy Platform API");
        assertThat(merged.path("paths").isObject()).isTrue();
        assertThat(merged.path("x-unavailable").toString()).isEqualTo("[\"command-service\",\"query-service\"]");
    }
}
