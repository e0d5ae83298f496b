package dev.tenancy.gateway;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One OpenAPI document for the one base URL, plus each service's own document as it is. */
@RestController
public class ApiDocsController {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);

    private static final String API_DOCS = "/v3/api-docs";

    private final HttpClient client;
    private final GatewayProperties properties;
    private final ObjectMapper mapper;
    private final ReverseProxy proxy;

    public ApiDocsController(HttpClient client, GatewayProperties properties, ObjectMapper mapper, ReverseProxy proxy) {
        this.client = client;
        this.properties = properties;
        this.mapper = mapper;
        this.proxy = proxy;
    }

    /** Still answers when a service is down, so the UI shows what is reachable and names what is not. */
    @GetMapping(API_DOCS)
    public ResponseEntity<ObjectNode> merged() {
        Map<Upstream, CompletableFuture<Optional<JsonNode>>> fetches = new EnumMap<>(Upstream.class);
        for (Upstream upstream : Upstream.values()) {
            fetches.put(upstream, fetch(upstream));
        }
        List<JsonNode> documents = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        fetches.forEach((upstream, fetch) -> fetch.join().ifPresentOrElse(
                documents::add, () -> unavailable.add(upstream.serviceName())));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(OpenApiMerger.merge(documents, unavailable));
    }

    @GetMapping(API_DOCS + "/command")
    public void command(HttpServletRequest request, HttpServletResponse response) throws IOException {
        proxy.forward(request, response, Upstream.COMMAND, API_DOCS);
    }

    @GetMapping(API_DOCS + "/query")
    public void query(HttpServletRequest request, HttpServletResponse response) throws IOException {
        proxy.forward(request, response, Upstream.QUERY, API_DOCS);
    }

    private CompletableFuture<Optional<JsonNode>> fetch(Upstream upstream) {
        HttpRequest request = HttpRequest.newBuilder(properties.resolve(upstream, API_DOCS))
                .header("Accept", MediaType.APPLICATION_JSON_VALUE)
                .timeout(properties.docsTimeout())
                .GET()
                .build();
        return client.sendAsync(request, BodyHandlers.ofString())
                .orTimeout(properties.docsTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(response -> document(upstream, response))
                .exceptionally(failure -> {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    log.warn("OpenAPI document of {} unavailable: {}", upstream.serviceName(), cause.toString());
                    return Optional.empty();
                });
    }

    private Optional<JsonNode> document(Upstream upstream, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            log.warn("OpenAPI document of {} answered HTTP {}", upstream.serviceName(), response.statusCode());
            return Optional.empty();
        }
        try {
            return Optional.of(mapper.readTree(response.body())).filter(JsonNode::isObject);
        } catch (JsonProcessingException e) {
            log.warn("OpenAPI document of {} is not JSON: {}", upstream.serviceName(), e.getOriginalMessage());
            return Optional.empty();
        }
    }
}
