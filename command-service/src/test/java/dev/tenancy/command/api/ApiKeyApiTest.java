package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.ApiKeyFormat;
import dev.tenancy.platform.ratelimit.ApiCallCounter;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** API keys through the command service's HTTP API: create, use, revoke, and every refusal on the way. */
class ApiKeyApiTest extends CommandApiTestSupport {

    private static final String KEYS = "/api/v1/tenants/current/api-keys";
    private static final String USAGE = "/api/v1/tenants/current/usage";

    @Autowired
    ApiCallCounter apiCalls;

    @Test
    void onFreeCreatingAKeyIsTheFeatureProblemAndNothingIsStored() throws Exception {
        Tenant tenant = signup();

        JsonNode problem = assertProblem(create(tenant.ownerToken(), "CI", "read"), 403, "feature-not-available");

        assertThat(problem.get("feature").asText()).isEqualTo("API_ACCESS");
        assertThat(problem.get("plan").asText()).isEqualTo("FREE");
        assertThat(problem.get("requiredPlan").asText()).isEqualTo("STARTER");
        assertThat(storedKeys(tenant)).isEmpty();
        assertThat(eventTypes(tenant.id())).noneMatch(type -> type.contains("ApiKey"));
    }

    @Test
    void aNewKeyIsShownOnceStoredOnlyAsItsHashAndWorksWithBothHeaders() throws Exception {
        Tenant tenant = starter();

        HttpResponse<String> response = create(tenant.ownerToken(), " CI pipeline ", "usage:write", "read");

        JsonNode created = ok(response, 201);
        String key = created.get("key").asText();
        String id = created.get("id").asText();
        assertThat(key).matches("tpk_[A-Za-z0-9]{12}_[A-Za-z0-9]{43}").startsWith("tpk_" + created.get("prefix")
                .asText() + "_");
        assertThat(created.get("name").asText()).isEqualTo("CI pipeline");
        assertThat(created.get("scopes").toString()).isEqualTo("[\"read\",\"usage:write\"]");
        assertThat(created.get("createdAt").asText()).isNotEmpty();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Location")).hasValue(KEYS + "/" + id);

        Document stored = storedKeys(tenant).get(0);
        assertThat(stored.getString("_id")).isEqualTo(id);
        assertThat(stored.getString("state")).isEqualTo("active");
        assertThat(stored.getString("hash")).isEqualTo(ApiKeyFormat.hash(key));
        assertThat(stored.toJson()).doesNotContain(key.substring(17));
        List<Document> events = events(tenant.id());
        Document event = events.get(events.size() - 1);
        assertThat(event.getString("payloadType")).isEqualTo("dev.tenancy.api.apikey.ApiKeyCreatedEvent");
        assertThat(response.headers().firstValue("X-Tenant-Version"))
                .hasValue(String.valueOf(event.get("sequenceNumber")));
        assertThat(event.toJson()).doesNotContain(key.substring(17)).doesNotContain(stored.getString("hash"));

        ok(useKey(key, "Authorization", "Bearer " + key, "b-" + UUID.randomUUID()), 200);
        ok(useKey(key, "X-API-Key", key, "x-" + UUID.randomUUID()), 200);
        List<Document> after = events(tenant.id());
        for (Document usage : after.subList(after.size() - 2, after.size())) {
            assertThat(usage.getString("payloadType")).endsWith("UsageRecordedEvent");
            JsonNode metadata = json.readTree(String.valueOf(usage.get("serializedMetaData") instanceof Document d
                    ? d.toJson() : usage.get("serializedMetaData")));
            assertThat(metadata.get("actorKind").asText()).isEqualTo("API_KEY");
            assertThat(metadata.get("actorId").asText()).isEqualTo(id);
            assertThat(metadata.get("actorRole").asText()).isEqualTo("MEMBER");
        }
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndLeaveNothingBehind() throws Exception {
        Tenant tenant = starter();
        String owner = tenant.ownerToken();
        long eventsBefore = eventCount();

        assertProblem(send("POST", KEYS, owner, "{\"scopes\":[\"read\"]}"), 400, "validation-failed", "name");
        assertProblem(send("POST", KEYS, owner, "{\"name\":\"  \",\"scopes\":[\"read\"]}"), 400,
                "validation-failed", "name");
        assertProblem(send("POST", KEYS, owner, "{\"name\":\"" + "n".repeat(101) + "\",\"scopes\":[\"read\"]}"),
                400, "validation-failed", "name");
        assertProblem(send("POST", KEYS, owner, "{\"name\":\"CI\"}"), 400, "validation-failed", "scopes");
        assertProblem(send("POST", KEYS, owner, "{\"name\":\"CI\",\"scopes\":[]}"), 400, "validation-failed",
                "scopes");
        assertProblem(send("POST", KEYS, owner, "{\"name\":\"CI\",\"scopes\":[\"read\",\"admin\"]}"), 400,
                "validation-failed", "scopes");
        assertProblem(send("POST", KEYS, owner, "{\"name\":\"CI\",\"scopes\":\"read\"}"), 400,
                "validation-failed", "scopes");
        assertProblem(send("POST", KEYS, owner, "{}"), 400, "validation-failed", "name", "scopes");
        assertProblem(send("POST", KEYS, owner, "{\"name\":\"CI\",\"scopes\":[\"read\"],\"expires\":1}"), 400,
                "unknown-field", "expires");
        assertProblem(send("POST", KEYS, owner, "not json"), 400, "malformed-request");

        assertThat(storedKeys(tenant)).isEmpty();
        assertThat(eventCount()).isEqualTo(eventsBefore);
        ok(create(owner, "n".repeat(100), "read"), 201);
    }

    @Test
    void aTakenNameIsRefusedAndTheRefusedKeyIsNotKept() throws Exception {
        Tenant tenant = starter();
        ok(create(tenant.ownerToken(), "CI", "read"), 201);

        assertProblem(create(token(tenant, Role.ADMIN), "ci", "write"), 409, "api-key-name-taken", "name");

        assertThat(storedKeys(tenant)).hasSize(1);
    }

    @Test
    void theFiftyFirstActiveKeyIsRefusedUntilOneIsRevoked() throws Exception {
        Tenant tenant = starter();
        String first = null;
        for (int i = 0; i < 50; i++) {
            JsonNode created = ok(create(tenant.ownerToken(), "key " + i, "read"), 201);
            first = first == null ? created.get("id").asText() : first;
        }

        JsonNode problem = assertProblem(create(tenant.ownerToken(), "key 50", "read"), 409,
                "api-key-limit-reached");

        assertThat(problem.get("limit").asInt()).isEqualTo(50);
        assertThat(storedKeys(tenant)).hasSize(50);
        ok(send("DELETE", KEYS + "/" + first, tenant.ownerToken(), null), 204);
        ok(create(tenant.ownerToken(), "key 50", "read"), 201);
    }

    @Test
    void aRevokedKeyStopsWorkingAndUnknownOrRevokedKeysAreNotFound() throws Exception {
        Tenant tenant = starter();
        JsonNode created = ok(create(tenant.ownerToken(), "CI", "usage:write"), 201);
        String key = created.get("key").asText();
        String id = created.get("id").asText();
        ok(useKey(key, "X-API-Key", key, "before"), 200);

        HttpResponse<String> revoked = send("DELETE", KEYS + "/" + id, tenant.ownerToken(), null);

        ok(revoked, 204);
        assertThat(revoked.headers().firstValue("X-Tenant-Version")).isPresent();
        JsonNode problem = assertProblem(useKey(key, "X-API-Key", key, "after"), 401, "unauthenticated");
        assertThat(problem.get("detail").asText()).isEqualTo("The API key was rejected.");
        assertProblem(useKey(key, "Authorization", "Bearer " + key, "after"), 401, "unauthenticated");
        assertThat(storedKeys(tenant).get(0).getString("state")).isEqualTo("revoked");
        assertThat(eventTypes(tenant.id())).contains("dev.tenancy.api.apikey.ApiKeyRevokedEvent");
        assertProblem(send("DELETE", KEYS + "/" + id, tenant.ownerToken(), null), 404, "api-key-not-found");
        assertProblem(send("DELETE", KEYS + "/no-such-key", tenant.ownerToken(), null), 404, "api-key-not-found");
    }

    @Test
    void membersAndKeysCannotManageKeysAndNoTenantCanRevokeAnothersKey() throws Exception {
        Tenant tenant = starter();
        Tenant other = starter();
        JsonNode created = ok(create(tenant.ownerToken(), "CI", "read", "write", "usage:write"), 201);
        String key = created.get("key").asText();
        String id = created.get("id").asText();

        assertProblem(create(token(tenant, Role.MEMBER), "mine", "read"), 403, "forbidden");
        assertProblem(send("DELETE", KEYS + "/" + id, token(tenant, Role.MEMBER), null), 403, "forbidden");
        assertProblem(send("POST", KEYS, null, "{\"name\":\"k\",\"scopes\":[\"read\"]}", "X-API-Key", key), 403,
                "forbidden");
        assertProblem(send("DELETE", KEYS + "/" + id, null, null, "X-API-Key", key), 403, "forbidden");
        assertProblem(send("DELETE", KEYS + "/" + id, other.ownerToken(), null), 404, "api-key-not-found");

        assertThat(storedKeys(tenant)).hasSize(1).allSatisfy(d -> assertThat(d.getString("state")).isEqualTo("active"));
        ok(useKey(key, "X-API-Key", key, "still-works"), 200);
    }

    @Test
    void aKeyIsRefusedForAnotherTenantsRoutes() throws Exception {
        Tenant tenant = starter();
        Tenant other = starter();
        String key = ok(create(tenant.ownerToken(), "CI", "usage:write"), 201).get("key").asText();
        long otherEvents = events(other.id()).size();

        assertProblem(send("POST", USAGE, null, usageBody("m-1"), "X-API-Key", key, "X-Tenant-Id", other.id()),
                403, "tenant-mismatch");
        assertProblem(send("POST", USAGE, null, usageBody("m-2"), "X-API-Key", key, "X-Tenant-Id", other.slug()),
                403, "tenant-mismatch");
        assertProblem(send("POST", USAGE + "?tenant=" + other.slug(), null, usageBody("m-3"), "Authorization",
                "Bearer " + key), 403, "tenant-mismatch");

        assertThat(events(other.id())).hasSize((int) otherEvents);
    }

    @Test
    void scopesDecideWhatAKeyMayDo() throws Exception {
        Tenant tenant = starter();
        String reader = ok(create(tenant.ownerToken(), "reader", "read"), 201).get("key").asText();
        String writer = ok(create(tenant.ownerToken(), "writer", "write"), 201).get("key").asText();

        JsonNode problem = assertProblem(useKey(reader, "X-API-Key", reader, "r-1"), 403, "insufficient-scope");
        assertThat(problem.get("requiredScope").asText()).isEqualTo("usage:write");
        ok(useKey(writer, "X-API-Key", writer, "w-1"), 200);
    }

    @Test
    void aDowngradeToFreeStopsEveryKeyAtOnce() throws Exception {
        Tenant tenant = starter();
        String key = ok(create(tenant.ownerToken(), "CI", "usage:write"), 201).get("key").asText();
        ok(useKey(key, "X-API-Key", key, "before"), 200);

        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"plan\":\"FREE\"}"), 200);

        JsonNode problem = assertProblem(useKey(key, "X-API-Key", key, "after"), 403, "feature-not-available");
        assertThat(problem.get("feature").asText()).isEqualTo("API_ACCESS");
    }

    @Test
    void everyKeyCallCountsAgainstTheTenantsApiCallsPerHour() throws Exception {
        Tenant tenant = starter();
        String key = ok(create(tenant.ownerToken(), "CI", "usage:write"), 201).get("key").asText();
        long before = apiCalls.used(tenant.id());

        HttpResponse<String> first = useKey(key, "X-API-Key", key, "c-1");
        HttpResponse<String> second = useKey(key, "Authorization", "Bearer " + key, "c-2");

        assertThat(apiCalls.used(tenant.id())).isEqualTo(before + 2);
        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("5000");
        long remaining = Long.parseLong(first.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue(String.valueOf(remaining - 1));
    }

    private Tenant starter() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"plan\":\"STARTER\"}"), 200);
        return tenant;
    }

    private HttpResponse<String> create(String token, String name, String... scopes) throws Exception {
        return send("POST", KEYS, token, json.writeValueAsString(java.util.Map.of("name", name,
                "scopes", List.of(scopes))));
    }

    private HttpResponse<String> useKey(String key, String header, String value, String idempotencyKey)
            throws Exception {
        assertThat(value).contains(key);
        return send("POST", USAGE, null, usageBody(idempotencyKey), header, value);
    }

    private static String usageBody(String idempotencyKey) {
        return "{\"resource\":\"campaigns\",\"delta\":1,\"idempotencyKey\":\"" + idempotencyKey + "\"}";
    }

    private List<Document> storedKeys(Tenant tenant) {
        return mongo.getDatabase("tenancy_shared").getCollection("api_keys")
                .find(new Document("tenantId", tenant.id())).into(new java.util.ArrayList<>());
    }
}
