package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for tests that talk to the stack like any outside caller. */
final class StackClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    StackClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        return send(request, token, headers);
    }

    Response get(String path, String token) {
        return get(path, token, Map.of());
    }

    Response post(String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : write(body)));
        return send(request, token, Map.of());
    }

    /** Signs a tenant up and answers the response body. */
    JsonNode signup(String slug) {
        Response response = post("/api/v1/tenants/signup", null, Map.of("name", "Org " + slug, "slug", slug,
                "ownerEmail", "owner@" + slug + ".test", "ownerPassword", "correct-horse-42"));
        if (response.status() != 201) {
            throw new AssertionError("signup failed: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /** Any method, with a JSON body for methods that take one. */
    Response send(String method, String path, String token, Map<String, String> headers, String jsonBody) {
        boolean hasBody = !method.equals("GET") && !method.equals("HEAD");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, hasBody ? HttpRequest.BodyPublishers.ofString(jsonBody)
                        : HttpRequest.BodyPublishers.noBody());
        if (hasBody) {
            request.header("Content-Type", "application/json");
        }
        return send(request, token, headers);
    }

    private Response send(HttpRequest.Builder request, String token, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Response(int status, String body, String contentType, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
