package dev.tenancy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The superadmin's replay routes of query-service, called straight on its port. */
final class ReplayApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * Between two looks at a running rebuild. Each look makes query-service count events on the stand-in (a scan
     * of the events collection per count), which takes CPU from the rebuild being measured; the rebuild's timing
     * comes from its own record, so looking less often costs nothing but the wait.
     */
    private static final long POLL_MILLIS = 1000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final String queryBase;
    private final String token;

    private ReplayApi(int queryPort, String token) {
        this.queryBase = "http://localhost:" + queryPort;
        this.token = token;
    }

    /** Signs the superadmin in on command-service. */
    static ReplayApi signIn(int commandPort, int queryPort, String email, String password)
            throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        String body = json.writeValueAsString(java.util.Map.of("email", email, "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + commandPort
                        + "/api/v1/auth/login")).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Superadmin login answered " + response.statusCode() + ": "
                    + response.body());
        }
        return new ReplayApi(queryPort, json.readTree(response.body()).get("accessToken").asText());
    }

    JsonNode projection(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/api/v1/admin/projections/" + name);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + name + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }

    /** Whether every segment of the group's live processor has passed every stored event. */
    boolean caughtUp(String name) throws IOException, InterruptedException {
        JsonNode live = projection(name).get("live");
        return live.get("eventsDone").asLong() == live.get("eventsTotal").asLong();
    }

    /** Starts a rebuild, waits for it to end and answers it as the detail route shows it when finished. */
    JsonNode rebuild(String name, String query, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/v1/admin/projections/" + name + "/rebuild" + query);
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Rebuild of " + name + query + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        String id = json.readTree(response.body()).get("id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode last = projection(name).get("lastRebuild");
            if (last != null && !last.isNull() && id.equals(last.get("id").asText())) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException("Rebuild " + id + " of " + name + " did not finish within " + timeout);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(queryBase + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
