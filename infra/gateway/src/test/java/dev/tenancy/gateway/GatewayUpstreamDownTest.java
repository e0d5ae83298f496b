package dev.tenancy.gateway;

import static dev.tenancy.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** command-service is not running at all; query-service is. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayUpstreamDownTest {

    private FakeUpstream query;
    private RunningGateway gateway;

    @BeforeAll
    void start() throws IOException {
        query = new FakeUpstream("query");
        query.reset();
        query.respond("/v3/api-docs", 200, "application/json",
                "{\"openapi\":\"3.0.1\",\"paths\":{\"/api/tenants\":{\"get\":{\"operationId\":\"listTenants\"}}}}");
        gateway = new RunningGateway("http://127.0.0.1:" + closedPort(), query.url(), Map.of());
    }

    @AfterAll
    void stop() {
        gateway.close();
        query.close();
    }

    @Test
    void unreachableCommandServiceIsBadGatewayProblem() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/tenants")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/upstream-unavailable");
        assertThat(problem.path("code").asText()).isEqualTo("upstream-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(502);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).contains("command-service");
    }

    @Test
    void readsStillWork() {
        assertThat(gateway.get("/api/tenants").statusCode()).isEqualTo(200);
    }

    @Test
    void healthIsDownAndNamesTheUnreachableService() {
        HttpResponse<String> response = gateway.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = json(response);
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/commandService/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/commandService/error").asText()).isNotBlank();
        assertThat(health.at("/components/queryService/status").asText()).isEqualTo("UP");
    }

    @Test
    void apiDocsServeWhatIsReachableAndListWhatIsNot() {
        HttpResponse<String> response = gateway.get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.at("/paths/~1api~1tenants/get/operationId").asText()).isEqualTo("listTenants");
        assertThat(doc.path("x-unavailable").toString()).isEqualTo("[\"command-service\"]");
        assertThat(gateway.get("/v3/api-docs/command").statusCode()).isEqualTo(502);
    }

    /** A port that was just free: nothing listens there, so connecting is refused at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
