package dev.tenancy.gateway;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The gateway is only healthy when both services it fronts are. */
@RestController
public class HealthAggregator {

    private static final String UP = "UP";
    private static final String DOWN = "DOWN";

    private final HttpClient client;
    private final GatewayProperties properties;
    private final ObjectMapper mapper;

    public HealthAggregator(HttpClient client, GatewayProperties properties, ObjectMapper mapper) {
        this.client = client;
        this.properties = properties;
        this.mapper = mapper;
    }

    @GetMapping("/actuator/health")
    public ResponseEntity<ObjectNode> health() {
        Map<Upstream, CompletableFuture<Probe>> probes = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            probes.put(upstream, probe(upstream));
        }
        ObjectNode body = mapper.createObjectNode();
        ObjectNode components = mapper.createObjectNode();
        boolean allUp = true;
        for (Map.Entry<Upstream, CompletableFuture<Probe>> entry : probes.entrySet()) {
            Probe probe = entry.getValue().join();
            components.set(entry.getKey().healthComponent(), probe.detail());
            allUp &= probe.up();
        }
        body.put("status", allUp ? UP : DOWN);
        body.set("components", components);
        return ResponseEntity.status(allUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private CompletableFuture<Probe> probe(Upstream upstream) {
        Duration timeout = properties.healthTimeout();
        HttpRequest request = HttpRequest.newBuilder(properties.resolve(upstream, "/actuator/health"))
                .header("Accept", MediaType.APPLICATION_JSON_VALUE)
                .timeout(timeout)
                .GET()
                .build();
        // The request timeout only covers the headers; orTimeout bounds the body as well.
        return client.sendAsync(request, BodyHandlers.ofString())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(this::toProbe)
                .exceptionally(failure -> down(describe(failure, timeout)));
    }

    private Probe toProbe(HttpResponse<String> response) {
        JsonNode detail = parse(response.body());
        if (!detail.isObject()) {
            return down("HTTP " + response.statusCode() + " without a health document");
        }
        boolean up = response.statusCode() == 200 && UP.equals(detail.path("status").asText());
        return new Probe(up, detail);
    }

    private JsonNode parse(String body) {
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return mapper.missingNode();
        }
    }

    private Probe down(String error) {
        return new Probe(false, mapper.createObjectNode().put("status", DOWN).put("error", error));
    }

    private static String describe(Throwable failure, Duration timeout) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "No answer within " + timeout.toMillis() + " ms";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private record Probe(boolean up, JsonNode detail) {
    }
}
