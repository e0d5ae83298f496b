package dev.tenancy.query.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.apikey.ApiKeyCreatedEvent;
import dev.tenancy.api.apikey.ApiKeyRevokedEvent;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.ApiKeyFormat;
import dev.tenancy.platform.apikey.ApiKeyStore;
import dev.tenancy.platform.apikey.NewApiKey;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.query.QueryServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The API key list: read model plus last use from the shared key store, for the tenant's owners and admins. */
class ApiKeysApiTest extends QueryServiceTestSupport {

    private static final String KEYS = "/api/v1/tenants/current/api-keys";
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");

    @Autowired
    ApiKeyStore store;

    @Test
    void ownersSeeEveryKeyNewestFirstWithItsLastUseAndNeverTheKey() throws Exception {
        String tenantId = tenant("keys-" + UUID.randomUUID().toString().substring(0, 8), Plan.STARTER);
        NewApiKey ci = ApiKeyFormat.generate();
        store.insertPending("k-ci-" + tenantId, ci, tenantId, Set.of("read"), MONDAY);
        store.activate("k-ci-" + tenantId);
        store.touch("k-ci-" + tenantId, Instant.parse("2026-11-25T12:00:00Z"));
        long version = publish(tenantId,
                new ApiKeyCreatedEvent(tenantId, "k-ci-" + tenantId, "CI", ci.prefix(), Set.of("read"), MONDAY),
                new ApiKeyCreatedEvent(tenantId, "k-old-" + tenantId, "Old", "oldprefix123", Set.of("write",
                        "usage:write"), MONDAY.minusSeconds(60)),
                new ApiKeyCreatedEvent(tenantId, "k-new-" + tenantId, "New", "newprefix123", Set.of("read"),
                        TUESDAY),
                new ApiKeyRevokedEvent(tenantId, "k-old-" + tenantId));

        HttpResponse<String> response = get(KEYS, ownerToken(tenantId), "X-Min-Version", String.valueOf(version));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode keys = body(response).get("apiKeys");
        assertThat(keys.findValuesAsText("name")).containsExactly("New", "CI", "Old");
        JsonNode first = keys.get(1);
        assertThat(first.get("id").asText()).isEqualTo("k-ci-" + tenantId);
        assertThat(first.get("prefix").asText()).isEqualTo(ci.prefix());
        assertThat(first.get("scopes").toString()).isEqualTo("[\"read\"]");
        assertThat(first.get("createdAt").asText()).isEqualTo("2026-11-23T09:00:00Z");
        assertThat(first.get("lastUsedAt").asText()).isEqualTo("2026-11-25T12:00:00Z");
        assertThat(first.get("revoked").asBoolean()).isFalse();
        assertThat(first.get("revokedAt").isNull()).isTrue();
        JsonNode old = keys.get(2);
        assertThat(old.get("scopes").toString()).isEqualTo("[\"usage:write\",\"write\"]");
        assertThat(old.get("revoked").asBoolean()).isTrue();
        assertThat(old.get("revokedAt").asText()).isNotEmpty();
        assertThat(old.get("lastUsedAt").isNull()).isTrue();
        assertThat(response.body()).doesNotContain(ci.key()).doesNotContain(ci.hash()).doesNotContain("hash");
    }

    @Test
    void aReaderWaitsForTheVersionAnyCommandAnswered() throws Exception {
        String tenantId = tenant("wait-" + UUID.randomUUID().toString().substring(0, 8), Plan.STARTER);
        long version = publish(tenantId,
                new ApiKeyCreatedEvent(tenantId, "k-" + tenantId, "CI", "prefix123456", Set.of("read"), MONDAY),
                new TenantSuspendedEvent(tenantId, "review"));

        HttpResponse<String> response = get(KEYS, superadminToken(), "X-Min-Version", String.valueOf(version),
                "X-Tenant-Id", tenantId);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(body(response).get("apiKeys").findValuesAsText("name")).containsExactly("CI");
    }

    @Test
    void membersAndApiKeysMayNotListKeys() throws Exception {
        String tenantId = tenant("deny-" + UUID.randomUUID().toString().substring(0, 8), Plan.STARTER);
        NewApiKey key = ApiKeyFormat.generate();
        store.insertPending("k-" + tenantId, key, tenantId, Set.of("read"), MONDAY);
        store.activate("k-" + tenantId);
        String admin = tokens.issue(new AuthenticatedUser("admin-" + tenantId, tenantId, Role.ADMIN, null));

        assertThat(problem(get(KEYS, memberToken(tenantId)), 403)).isEqualTo("forbidden");
        assertThat(problem(get(KEYS, null, "X-API-Key", key.key()), 403)).isEqualTo("forbidden");
        assertThat(problem(get(KEYS, null), 401)).isEqualTo("unauthenticated");
        assertThat(get(KEYS, admin).statusCode()).isEqualTo(200);
    }
}
