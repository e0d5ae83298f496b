package dev.tenancy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Baseline (c), the least a REST increment can cost on this machine: a bare JDK HTTP server in this JVM whose only
 * work per request is reading the JSON body and the raw insert of baseline (a), called by the same client, threads and
 * body as the REST run. No security, no command, no read model behind it: every REST path does at least this much,
 * so a floor under the REST target means no service meets that target here.
 */
final class HttpFloor implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final byte[] ANSWER = "{\"recorded\":true}".getBytes(StandardCharsets.UTF_8);

    static {
        // the JDK server writes a response's headers and body apart: without TCP_NODELAY, Nagle's algorithm holds the
        // body until the client's delayed ACK, 40 ms per request (Tomcat sets it by default)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = UsageApi.client();
    private final Operation insert;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI uri;

    /** @param insert baseline (a)'s insert, given the client's thread and sequence as they arrive in the key */
    HttpFloor(Operation insert, int threads) throws IOException {
        this.insert = insert;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/usage", this::handle);
        server.start();
        this.uri = URI.create("http://localhost:" + server.getAddress().getPort() + "/usage");
    }

    /** One increment as the REST run sends it; anything but 200 is a failure of the operation. */
    Operation increment() {
        return (thread, sequence) -> {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(UsageApi.usageBody("f-" + thread + "-" + sequence)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The floor answered " + response.statusCode());
            }
        };
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            try {
                JsonNode body = json.readTree(exchange.getRequestBody());
                String[] key = body.path("idempotencyKey").asText().split("-");
                insert.run(Integer.parseInt(key[1]), Long.parseLong(key[2]));
            } catch (Exception e) {
                status = 500;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
