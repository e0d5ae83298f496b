package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tenant B's owner, with every route the running services expose (read from their handler mappings, so a new route
 * is covered without touching this test) and every way of naming a tenant, aims at tenant A. Nothing of A may come
 * back, and A's events and read model must be exactly as before.
 */
class TenantIsolationMatrixTest extends StackTest {

    /** Valid bodies for routes that change something, so a leak would really change A; others get {}. */
    private static final Map<String, String> SAMPLE_BODIES = Map.ofEntries(
            Map.entry("PATCH /api/v1/tenants/current/settings", "{\"timezone\":\"Asia/Tokyo\"}"),
            Map.entry("PATCH /api/v1/tenants/current/branding", "{\"primaryColor\":\"#123456\"}"),
            Map.entry("POST /api/v1/tenants/current/domains", "{\"domain\":\"stolen.example.com\"}"),
            Map.entry("POST /api/v1/tenants/current/api-keys", "{\"name\":\"stolen\",\"scopes\":[\"read\",\"write\"]}"),
            Map.entry("PATCH /api/v1/tenants/{id}", "{\"plan\":\"FREE\",\"status\":\"SUSPENDED\",\"reason\":\"x\"}"),
            Map.entry("DELETE /api/v1/tenants/{id}", "{\"reason\":\"takeover\"}"),
            Map.entry("POST /api/v1/tenants/{id}/domains/{domain}/verify", "{\"override\":true}"),
            Map.entry("POST /api/v1/tenants/{id}/impersonate", "{\"reason\":\"takeover attempt\"}"),
            Map.entry("POST /api/v1/tenants/current/invitations", "{\"email\":\"spy@b.test\",\"role\":\"OWNER\"}"),
            Map.entry("PATCH /api/v1/tenants/current/users/{userId}", "{\"role\":\"OWNER\"}"),
            Map.entry("POST /api/v1/auth/invitations/accept",
                    "{\"token\":\"not-a-real-invitation-token-0123456789abcdef\",\"password\":\"joining-horse-42\"}"),
            Map.entry("POST /api/v1/auth/login", "{\"email\":\"x@y.test\",\"password\":\"wrong-horse-42\"}"),
            // B's own secrets are wrong here on purpose: a leak would have to act on A, never end B's own session
            Map.entry("POST /api/v1/auth/refresh", "{\"refreshToken\":\"not-a-refresh-token\"}"),
            Map.entry("POST /api/v1/auth/logout", "{\"refreshToken\":\"not-a-refresh-token\",\"everywhere\":true}"),
            Map.entry("POST /api/v1/auth/password",
                    "{\"currentPassword\":\"wrong-horse-42\",\"newPassword\":\"battery-staple-77\"}"),
            Map.entry("POST /api/v1/auth/2fa/confirm", "{\"code\":\"000000\"}"),
            Map.entry("POST /api/v1/auth/2fa/disable", "{\"password\":\"wrong-horse-42\"}"));

    @Test
    void tenantBCanNeitherReadNorChangeTenantA() {
        String marker = UUID.randomUUID().toString().substring(0, 12);
        String slugA = "alpha-" + marker.substring(0, 6);
        JsonNode a = signup(slugA, "Alpha " + marker, "ENTERPRISE");
        JsonNode b = signup("bravo-" + marker.substring(0, 6), "Bravo", "ENTERPRISE");
        String tenantA = a.get("tenantId").asText();
        String tokenA = a.get("accessToken").asText();
        String keyA = apiKey(tokenA);
        Target targetA = new Target(tenantA, slugA, a.get("userId").asText(), keyId(tokenA));
        String superadmin = superadminToken();
        long eventsBefore = eventsOf(tenantA);
        // the view is compared at the end, so first let it catch up with every event A has (version = last sequence)
        await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/api/v1/tenants/" + tenantA, superadmin)
                .json().path("version").asLong(-1) == eventsBefore - 1);
        String before = tenantAsSeenBySuperadmin(tenantA, superadmin);
        assertThat(before).startsWith("200").contains("Alpha " + marker);
        Set<String> secrets = Set.of("Alpha " + marker, "owner@" + slugA + ".test", keyA);

        List<Route> routes = routes();
        assertThat(routes).extracting(Route::pattern).contains("/api/v1/tenants/current", "/api/v1/tenants/signup",
                "/api/v1/tenants/current/users/{userId}", "/api/v1/tenants/current/api-keys/{keyId}");
        String tokenB = b.get("accessToken").asText();
        List<String> report = new ArrayList<>();
        report.addAll(aimAt(targetA, routes, "B's owner token", tokenB, secrets));
        report.addAll(aimAt(targetA, routes, "B's API key", apiKey(tokenB), secrets));

        assertThat(report).hasSizeGreaterThanOrEqualTo(routes.size() * 8);
        assertThat(eventsOf(tenantA)).as("A's events after " + report).isEqualTo(eventsBefore);
        assertThat(tenantAsSeenBySuperadmin(tenantA, superadmin)).isEqualTo(before);
        assertThat(client.get("/api/v1/tenants/current", tokenA).status()).as("A's owner still signed in")
                .isEqualTo(200);
        assertThat(client.get("/api/v1/tenants/current", keyA).status()).as("A's key still works").isEqualTo(200);
    }

    /** Every route, every way of naming A; A's user and key ids stand in for user and key path variables. */
    private static List<String> aimAt(Target a, List<Route> routes, String who, String credential,
                                      Set<String> secrets) {
        List<String> report = new ArrayList<>();
        for (Route route : routes) {
            String path = route.pattern().replace("{userId}", a.userId()).replace("{keyId}", a.keyId())
                    .replaceAll("\\{[^}]*[iI]d[^}]*}", a.tenantId()).replaceAll("\\{[^}]+}", "x");
            for (Map.Entry<String, Map<String, String>> variant : variants(a.tenantId(), a.slug()).entrySet()) {
                String target = variant.getKey().startsWith("param") ? path + "?tenant=" + a.slug() : path;
                StackClient.Response response = client.send(route.method(), target, credential, variant.getValue(),
                        SAMPLE_BODIES.getOrDefault(route.method() + " " + route.pattern(), "{}"));
                String what = who + ": " + route.method() + " " + target + " [" + variant.getKey() + "]";
                report.add(what + " -> " + response.status());
                if (!variant.getKey().equals("own token only")) {
                    assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(403);
                    assertThat(response.json().get("code").asText()).as(what)
                            .isIn("tenant-mismatch", "forbidden");
                }
                for (String secret : secrets) {
                    assertThat(response.body()).as(what).doesNotContain(secret);
                }
            }
        }
        return report;
    }

    private static String apiKey(String ownerToken) {
        StackClient.Response created = client.post("/api/v1/tenants/current/api-keys", ownerToken,
                Map.of("name", "matrix-" + UUID.randomUUID(), "scopes", List.of("read", "write", "usage:write")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asText();
    }

    private static String keyId(String ownerToken) {
        StackClient.Response created = client.post("/api/v1/tenants/current/api-keys", ownerToken,
                Map.of("name", "target-" + UUID.randomUUID(), "scopes", List.of("read")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private record Target(String tenantId, String slug, String userId, String keyId) {
    }

    private static Map<String, Map<String, String>> variants(String tenantA, String slugA) {
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put("own token only", Map.of());
        variants.put("header with A's id", Map.of("X-Tenant-Id", tenantA));
        variants.put("header with A's slug", Map.of("X-Tenant-Id", slugA));
        variants.put("param with A's slug", Map.of());
        variants.put("A's subdomain", Map.of("Host", slugA + ".localhost"));
        return variants;
    }

    private static List<Route> routes() {
        Set<Route> routes = new TreeSet<>();
        for (ConfigurableApplicationContext context : stack.serviceContexts()) {
            RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                    RequestMappingHandlerMapping.class);
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.startsWith("/api/")) {
                        (methods.isEmpty() ? Set.of(RequestMethod.GET) : methods)
                                .forEach(method -> routes.add(new Route(method.name(), pattern)));
                    }
                }
            }
        }
        return List.copyOf(routes);
    }

    private static JsonNode signup(String slug, String name, String plan) {
        StackClient.Response response = client.post("/api/v1/tenants/signup", null, Map.of("name", name, "slug",
                slug, "ownerEmail", "owner@" + slug + ".test", "ownerPassword", "correct-horse-42", "plan", plan));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }


    private static String tenantAsSeenBySuperadmin(String tenantId, String token) {
        StackClient.Response view = client.get("/api/v1/tenants/" + tenantId, token);
        return view.status() + " " + view.body();
    }

    private static long eventsOf(String tenantId) {
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            return mongo.getDatabase("tenancy_events").getCollection("domainevents")
                    .countDocuments(new Document("aggregateIdentifier", tenantId));
        }
    }

    private record Route(String method, String pattern) implements Comparable<Route> {
        @Override
        public int compareTo(Route other) {
            return (pattern + method).compareTo(other.pattern + other.method);
        }
    }
}
