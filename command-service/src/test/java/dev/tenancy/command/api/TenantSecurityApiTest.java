package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.tenant.TenantSecurity;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant's security settings on the command side: the directory knows them as soon as the command returns, the
 * IP allow-list binds the tenant's people here too, and nobody but a superadmin can save a list that shuts them out.
 * Requests come from 127.0.0.1, a trusted proxy, so X-Forwarded-For stands for the client's address.
 */
class TenantSecurityApiTest extends CommandApiTestSupport {

    private static final String SETTINGS = "/api/v1/tenants/current/settings";
    private static final String OFFICE = "203.0.113.9";

    @Autowired
    TenantDirectory directory;

    @Test
    void theDirectoryCarriesTheSecuritySettingsAndFoldsThemAgainFromTheEvents() throws Exception {
        Tenant tenant = signup();
        assertThat(directory.findById(tenant.id()).orElseThrow().security()).isEqualTo(TenantSecurity.defaults());

        ok(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"security\":{\"twoFactorRequired\":true,"
                + "\"ipAllowList\":[\"203.0.113.0/24\",\"2001:db8::/32\"]},\"compliance\":{\"allowImpersonation\":"
                + "false},\"timezone\":\"Europe/Rome\"}", "X-Forwarded-For", OFFICE), 200);

        TenantRef live = directory.findById(tenant.id()).orElseThrow();
        assertThat(live.security()).isEqualTo(new TenantSecurity(List.of("203.0.113.0/24", "2001:db8::/32"), true,
                false));
        entries().deleteOne(new Document("_id", tenant.id()));
        assertThat(directory.findById(tenant.id())).as("folded again from the event store").contains(live);
        entries().updateOne(new Document("_id", tenant.id()), new Document("$unset", new Document("security", "")));
        assertThat(directory.findById(tenant.id())).as("an entry from before security was kept").contains(live);
        assertThat(entries().find(new Document("_id", tenant.id())).first().get("security", Document.class)
                .getList("ipAllowList", String.class)).containsExactly("203.0.113.0/24", "2001:db8::/32");
    }

    @Test
    void aListThatLeavesOutTheCallersOwnAddressIsRefused() throws Exception {
        Tenant tenant = signup();
        long before = eventCount();
        JsonNode problem = assertProblem(send("PATCH", SETTINGS, tenant.ownerToken(),
                        "{\"security\":{\"ipAllowList\":[\"198.51.100.0/24\"]}}", "X-Forwarded-For", OFFICE), 400,
                "ip-allow-list-excludes-caller", "security.ipAllowList");
        assertThat(problem.get("detail").asText()).contains(OFFICE);
        assertThat(eventCount()).isEqualTo(before);

        ok(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"security\":{\"ipAllowList\":[\"203.0.113.0/24\"]}}",
                "X-Forwarded-For", OFFICE), 200);
        ok(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"security\":{\"ipAllowList\":[]}}",
                "X-Forwarded-For", OFFICE), 200);
        assertThat(directory.findById(tenant.id()).orElseThrow().security().ipAllowList()).isEmpty();
    }

    @Test
    void theAllowListBindsTheTenantsPeopleButNotSuperadmins() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"security\":{\"ipAllowList\":[\"203.0.113.0/24\"]}}",
                "X-Forwarded-For", OFFICE), 200);

        JsonNode refused = assertProblem(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"timezone\":\"UTC\"}"),
                403, "ip-not-allowed");
        assertThat(refused.get("detail").asText()).contains("127.0.0.1").doesNotContain("203.0.113");
        assertProblem(send("POST", "/api/v1/tenants/current/domains", tenant.ownerToken(),
                "{\"domain\":\"x-" + tenant.slug() + ".example.com\"}"), 403, "ip-not-allowed");
        ok(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"timezone\":\"Asia/Tokyo\"}", "X-Forwarded-For", OFFICE),
                200);

        ok(send("PATCH", SETTINGS, superadmin(), "{\"security\":{\"ipAllowList\":[\"198.51.100.0/24\"]}}",
                "X-Tenant-Id", tenant.id()), 200);
        assertProblem(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"timezone\":\"UTC\"}", "X-Forwarded-For",
                OFFICE), 403, "ip-not-allowed");
        String impersonator = ok(send("POST", "/api/v1/tenants/" + tenant.id() + "/impersonate", superadmin(),
                "{\"reason\":\"customer locked out\"}"), 200).get("accessToken").asText();
        ok(send("PATCH", SETTINGS, impersonator, "{\"security\":{\"ipAllowList\":[]}}"), 200);
        ok(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"timezone\":\"UTC\"}"), 200);
    }

    @Test
    void signingInFromOutsideTheAllowListIsRefusedBeforeThePasswordIsLookedAt() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"security\":{\"ipAllowList\":[\"203.0.113.0/24\"]}}",
                "X-Forwarded-For", OFFICE), 200);
        String right = "{\"email\":\"owner@" + tenant.slug() + ".test\",\"password\":\"" + PASSWORD
                + "\",\"tenant\":\"" + tenant.slug() + "\"}";
        String unknownEmail = "{\"email\":\"nobody@" + tenant.slug() + ".test\",\"password\":\"" + PASSWORD
                + "\",\"tenant\":\"" + tenant.slug() + "\"}";

        assertProblem(send("POST", "/api/v1/auth/login", null, right), 403, "ip-not-allowed");
        assertProblem(send("POST", "/api/v1/auth/login", null, unknownEmail), 403, "ip-not-allowed");
        assertThat(ok(send("POST", "/api/v1/auth/login", null, right, "X-Forwarded-For", OFFICE), 200)
                .get("accessToken").asText()).isNotEmpty();
        assertThat(ok(send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"root@platform.test\",\"password\":\"" + "Sup3r-secret-pass" + "\"}"), 200)
                .get("accessToken").asText()).isNotEmpty();
    }

    private com.mongodb.client.MongoCollection<Document> entries() {
        return mongo.getDatabase("tenancy_command").getCollection("tenant_directory");
    }
}
