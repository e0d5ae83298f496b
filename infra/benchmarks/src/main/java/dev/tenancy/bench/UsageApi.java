package dev.tenancy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenancy.api.plan.Resource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command service's REST API as a client sees it: one shared {@link HttpClient} (HTTP/1.1, kept-alive
 * connections) talking straight to the command-service port, no gateway in between.
 */
final class UsageApi {

    static final String RESOURCE = Resource.MESSAGES_PER_MONTH.key();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = client();
    private final ObjectMapper json = new ObjectMapper();
    private final String commandBase;

    UsageApi(int commandPort) {
        this.commandBase = "http://localhost:" + commandPort;
    }

    Tenant signup(String slug) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Benchmark " + slug);
        body.put("slug", slug);
        body.put("ownerEmail", "owner@" + slug + ".example");
        body.put("ownerPassword", "correct-horse-42");
        body.put("plan", "ENTERPRISE");
        HttpResponse<String> response = post("/api/v1/tenants/signup", null, json.writeValueAsString(body), TIMEOUT);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Signup of " + slug + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode answer = json.readTree(response.body());
        return new Tenant(answer.get("tenantId").asText(), slug, answer.get("accessToken").asText());
    }

    /** Records one message; anything but 200 is a failure of the operation. */
    void recordUsage(Tenant tenant, String idempotencyKey) throws IOException, InterruptedException {
        recordUsage(tenant, idempotencyKey, TIMEOUT);
    }

    /** As {@link #recordUsage(Tenant, String)}, for a command that may have to replay a long stream first. */
    void recordUsage(Tenant tenant, String idempotencyKey, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/api/v1/tenants/current/usage", tenant.accessToken(),
                usageBody(idempotencyKey), timeout);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Usage report answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** The client every REST load of the benchmark uses: HTTP/1.1, kept-alive connections. */
    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One message of {@link #RESOURCE}, the body every REST increment of the benchmark sends. */
    static String usageBody(String idempotencyKey) {
        return "{\"resource\":\"" + RESOURCE + "\",\"delta\":1,\"idempotencyKey\":\"" + idempotencyKey + "\"}";
    }

    /** True when {@code /actuator/health} of the service on {@code port} answers UP (mongo and kafka included). */
    boolean healthy(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(json.readTree(response.body()).path("status").asText());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpResponse<String> post(String path, String token, String body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandBase + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
