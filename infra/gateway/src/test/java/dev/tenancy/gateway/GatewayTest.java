package dev.tenancy.gateway;

import static dev.tenancy.gateway.RunningGateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTest {

    private static final String TOKEN = "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig";

    private FakeUpstream command;
    private FakeUpstream query;
    private RunningGateway gateway;

    @BeforeAll
    void start() {
        command = new FakeUpstream("command");
        query = new FakeUpstream("query");
        gateway = new RunningGateway(command.url(), query.url(), Map.of(
                "gateway.command-get-prefixes", "/api/commands/,/api/admin/jobs",
                "gateway.query-prefixes", "/api/admin/projections",
                "gateway.response-timeout", "1s"));
    }

    @AfterAll
    void stop() {
        gateway.close();
        command.close();
        query.close();
    }

    @BeforeEach
    void resetUpstreams() {
        command.reset();
        query.reset();
    }

    @Test
    void getGoesToQueryServiceWithQueryStringHeadersAndForwardedFor() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/tenants/t%201/members?page=2&q=a%20b")
                .header("Authorization", TOKEN)
                .header("X-Tenant-Id", "acme")
                .header("X-Request-Id", "req-1")
                .header("X-Correlation-Id", "corr-1")
                .header("X-Forwarded-For", "203.0.113.7")
                .header("Keep-Alive", "timeout=5")
                .header("Proxy-Authorization", "Basic c2VjcmV0")
                .GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("service").asText()).isEqualTo("query");
        assertThat(command.received()).isEmpty();
        FakeUpstream.Received received = query.received().get(0);
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.uri()).isEqualTo("/api/tenants/t%201/members?page=2&q=a%20b");
        assertThat(received.header("Authorization")).isEqualTo(TOKEN);
        assertThat(received.header("X-Tenant-Id")).isEqualTo("acme");
        assertThat(received.header("X-Request-Id")).isEqualTo("req-1");
        assertThat(received.header("X-Correlation-Id")).isEqualTo("corr-1");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(received.header("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + gateway.port());
        assertThat(received.header("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.header("X-Forwarded-Port")).isEqualTo(String.valueOf(gateway.port()));
        assertThat(received.headers()).doesNotContainKeys("Keep-alive", "Proxy-authorization");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void writesGoToCommandServiceWithBodyIntact(String method) {
        String body = "{\"name\":\"Acme GmbH\",\"plan\":\"pro\",\"note\":\"äöü\"}";
        HttpResponse<String> response = gateway.send(gateway.request("/api/tenants?dryRun=true")
                .header("Authorization", TOKEN)
                .header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("service").asText()).isEqualTo("command");
        assertThat(query.received()).isEmpty();
        FakeUpstream.Received received = command.received().get(0);
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.uri()).isEqualTo("/api/tenants?dryRun=true");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header("Authorization")).isEqualTo(TOKEN);
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @Test
    void headGoesToQueryService() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/tenants").method("HEAD", BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(query.received()).extracting(FakeUpstream.Received::method).containsExactly("HEAD");
        assertThat(command.received()).isEmpty();
    }

    @Test
    void configuredPrefixesRouteGetsToCommandService() {
        assertThat(gateway.get("/api/commands/42/status").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/api/admin/jobs").statusCode()).isEqualTo(200);

        assertThat(command.received()).extracting(FakeUpstream.Received::uri)
                .containsExactly("/api/commands/42/status", "/api/admin/jobs");
        assertThat(query.received()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "DELETE"})
    void queryPrefixesRouteEveryMethodToQueryService(String method) {
        HttpResponse<String> response = gateway.send(gateway.request("/api/admin/projections/tenants/rebuild")
                .method(method, BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(query.received()).extracting(FakeUpstream.Received::method).containsExactly(method);
        assertThat(command.received()).isEmpty();
    }

    @Test
    void upstreamProblemsArePassedThroughUnchanged() {
        String problem = "{\"type\":\"/problems/tenant-exists\",\"title\":\"Tenant exists\",\"status\":409,"
                + "\"detail\":\"acme is taken\",\"code\":\"tenant-exists\"}";
        command.on("/api/tenants", exchange -> {
            exchange.getResponseHeaders().set("X-Request-Id", "req-9");
            FakeUpstream.send(exchange, 409, "application/problem+json", problem);
        });

        HttpResponse<String> response = gateway.send(gateway.request("/api/tenants")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"name\":\"acme\"}"))
                .build());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-9");
        assertThat(response.body()).isEqualTo(problem);
    }

    @Test
    void problemTypeDocumentationComesFromQueryService() {
        query.respond("/problems/tenant-exists", 200, "text/html", "<h1>tenant-exists</h1>");

        HttpResponse<String> response = gateway.get("/problems/tenant-exists");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<h1>tenant-exists</h1>");
        assertThat(command.received()).isEmpty();
    }

    @Test
    void serverSentEventsArriveBeforeTheUpstreamClosesTheStream() throws Exception {
        CountDownLatch finish = new CountDownLatch(1);
        query.on("/api/tenants/acme/events", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                finish.await(10, TimeUnit.SECONDS);
                out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        HttpResponse<Stream<String>> response = gateway.client().send(
                gateway.request("/api/tenants/acme/events").header("Accept", "text/event-stream").GET().build(),
                BodyHandlers.ofLines());
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> response.body().forEach(lines::add));

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains("data: first"));
        assertThat(lines).doesNotContain("data: second");
        assertThat(finish.getCount()).isEqualTo(1);

        finish.countDown();
        reading.get(5, TimeUnit.SECONDS);
        assertThat(lines).containsSubsequence("data: first", "data: second");
    }

    @Test
    void slowUpstreamIsAGatewayTimeout() {
        CountDownLatch release = new CountDownLatch(1);
        command.on("/api/slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FakeUpstream.send(exchange, 200, "application/json", "{}");
        });

        HttpResponse<String> response = gateway.send(gateway.request("/api/slow").POST(BodyPublishers.noBody()).build());
        release.countDown();

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/upstream-unavailable");
        assertThat(problem.path("code").asText()).isEqualTo("upstream-unavailable");
        assertThat(problem.path("status").asInt()).isEqualTo(504);
        assertThat(problem.path("detail").asText()).contains("command-service");
    }

    @Test
    void unknownPathsAreProblemNotFound() {
        for (String path : List.of("/nope", "/actuator/env", "/swagger-ui/missing.js", "/v3/api-docs/other")) {
            HttpResponse<String> response = gateway.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.path("code").asText()).isEqualTo("not-found");
            assertThat(problem.path("type").asText()).isEqualTo("/problems/not-found");
            assertThat(problem.path("status").asInt()).isEqualTo(404);
            assertThat(problem.path("title").asText()).isNotBlank();
        }
        assertThat(command.received()).isEmpty();
        assertThat(query.received()).isEmpty();
    }

    @Test
    void unsupportedMethodIsProblemMethodNotAllowed() {
        HttpResponse<String> response = gateway.send(gateway.request("/actuator/health").POST(BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).isPresent();
        assertThat(json(response).path("code").asText()).isEqualTo("method-not-allowed");
    }

    @Test
    void healthIsUpWhenBothServicesAreUp() {
        command.respond("/actuator/health", 200, "application/json",
                "{\"status\":\"UP\",\"components\":{\"mongo\":{\"status\":\"UP\"}}}");

        HttpResponse<String> response = gateway.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/commandService/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/queryService/status").asText()).isEqualTo("UP");
    }

    @Test
    void healthIsDownWhenOneServiceIsDown() {
        query.respond("/actuator/health", 503, "application/json",
                "{\"status\":\"DOWN\",\"components\":{\"kafka\":{\"status\":\"DOWN\"}}}");

        HttpResponse<String> response = gateway.get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode health = json(response);
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/commandService/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/queryService/components/kafka/status").asText()).isEqualTo("DOWN");
    }

    @Test
    void apiDocsMergeBothServices() {
        command.respond("/v3/api-docs", 200, "application/json", """
                {"openapi":"3.0.1","info":{"title":"command-service","version":"0.1.0",
                  "x-problem-types":{"tenant-exists":"/problems/tenant-exists"}},
                 "tags":[{"name":"Tenants","description":"commands"}],
                 "paths":{"/api/tenants":{"post":{"operationId":"createTenant"}}},
                 "components":{"schemas":{"CreateTenant":{"type":"object"}},
                   "securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}}}}
                """);
        query.respond("/v3/api-docs", 200, "application/json", """
                {"openapi":"3.0.1","info":{"title":"query-service","version":"0.1.0",
                  "x-problem-types":{"tenant-not-found":"/problems/tenant-not-found"}},
                 "tags":[{"name":"Tenants","description":"queries"},{"name":"Members"}],
                 "paths":{"/api/tenants":{"get":{"operationId":"listTenants"}},
                          "/api/tenants/{id}":{"get":{"operationId":"getTenant"}}},
                 "components":{"schemas":{"TenantView":{"type":"object"}},
                   "responses":{"NotFound":{"description":"not found"}}}}
                """);

        HttpResponse<String> response = gateway.get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = json(response);
        assertThat(doc.at("/info/title").asText()).isEqualTo("Tenancy Platform API");
        assertThat(doc.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(doc.at("/paths/~1api~1tenants/post/operationId").asText()).isEqualTo("createTenant");
        assertThat(doc.at("/paths/~1api~1tenants/get/operationId").asText()).isEqualTo("listTenants");
        assertThat(doc.at("/paths/~1api~1tenants~1{id}/get/operationId").asText()).isEqualTo("getTenant");
        assertThat(doc.at("/components/schemas").fieldNames()).toIterable().containsExactly("CreateTenant", "TenantView");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/components/responses/NotFound").isObject()).isTrue();
        assertThat(doc.at("/info/x-problem-types").fieldNames()).toIterable()
                .containsExactly("tenant-exists", "tenant-not-found");
        assertThat(doc.path("tags").findValuesAsText("name")).containsExactly("Tenants", "Members");
        assertThat(doc.has("x-unavailable")).isFalse();
    }

    @Test
    void eachServiceDocumentIsServedAsIs() {
        command.respond("/v3/api-docs", 200, "application/json", "{\"info\":{\"title\":\"command-service\"}}");
        query.respond("/v3/api-docs", 200, "application/json", "{\"info\":{\"title\":\"query-service\"}}");

        assertThat(gateway.get("/v3/api-docs/command").body()).isEqualTo("{\"info\":{\"title\":\"command-service\"}}");
        assertThat(gateway.get("/v3/api-docs/query").body()).isEqualTo("{\"info\":{\"title\":\"query-service\"}}");
    }

    @Test
    void swaggerUiIsServedAndReadsTheMergedDocument() {
        HttpResponse<String> index = gateway.get("/swagger-ui.html");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.uri().getPath()).isEqualTo("/swagger-ui/index.html");
        assertThat(index.body()).contains("swagger-ui-bundle.js", "swagger-initializer.js");

        HttpResponse<String> initializer = gateway.get("/swagger-ui/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("url: \"/v3/api-docs\"").doesNotContain("petstore");

        assertThat(gateway.get("/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/swagger-ui/swagger-ui.css").statusCode()).isEqualTo(200);
    }
}
