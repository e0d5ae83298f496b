package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.settings.SettingsSecrets;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsApiTest extends CommandApiTestSupport {

    private static final String SETTINGS = "/api/v1/tenants/current/settings";

    @Autowired
    SettingsSecrets secrets;

    @Test
    void adminsChangeSettingsAndLearnWhatChanged() throws Exception {
        Tenant tenant = signup();
        JsonNode body = ok(send("PATCH", SETTINGS, token(tenant, Role.ADMIN), "{\"timezone\":\"Europe/Berlin\","
                + "\"language\":\"de-ch\",\"currency\":\"USD\",\"security\":{\"sessionTimeoutMinutes\":30,"
                + "\"ipAllowList\":[\"203.0.113.0/24\",\"2001:db8::/32\"]},\"compliance\":{\"dataRegion\":\"us\","
                + "\"retentionDays\":{\"messages\":90},\"dpaAcceptedAt\":\"2024-05-01T10:00:00Z\","
                + "\"dpaAcceptedBy\":\"Jane Doe\"}}", "X-Forwarded-For", "203.0.113.9"), 200);

        assertThat(body.get("tenantId").asText()).isEqualTo(tenant.id());
        assertThat(body.get("version").asLong()).isEqualTo(3);
        assertThat(body.get("changed")).extracting(JsonNode::asText).containsExactly(
                "compliance.dataRegion", "compliance.dpaAcceptedAt", "compliance.dpaAcceptedBy",
                "compliance.retentionDays.messages", "language", "security.ipAllowList",
                "security.sessionTimeoutMinutes", "timezone");
        JsonNode event = payload(events(tenant.id()).get(3));
        assertThat(event.at("/changes/4/field").asText()).isEqualTo("language");
        assertThat(event.at("/changes/4/oldValue").asText()).isEqualTo("en");
        assertThat(event.at("/changes/4/newValue").asText()).as("canonical form").isEqualTo("de-CH");
        assertThat(event.at("/changes/3/newValue").asInt()).isEqualTo(90);
    }

    @Test
    void sendingTheSameSettingsAgainChangesNothing() throws Exception {
        Tenant tenant = signup();
        String change = "{\"timezone\":\"Asia/Tokyo\",\"security\":{\"sessionTimeoutMinutes\":60}}";
        ok(send("PATCH", SETTINGS, tenant.ownerToken(), change), 200);
        long before = eventCount();
        JsonNode again = ok(send("PATCH", SETTINGS, tenant.ownerToken(), change), 200);
        assertThat(again.get("changed")).isEmpty();
        assertThat(again.get("version").asLong()).isEqualTo(3);
        JsonNode empty = ok(send("PATCH", SETTINGS, tenant.ownerToken(), "{}"), 200);
        assertThat(empty.get("changed")).isEmpty();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theSsoClientSecretIsStoredEncryptedOnly() throws Exception {
        Tenant tenant = signup();
        String secret = "s3cr3t-" + tenant.slug();
        JsonNode body = ok(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"security\":{\"sso\":{\"enabled\":true,"
                + "\"issuer\":\"https://idp.acme.test\",\"clientId\":\"acme\",\"clientSecret\":\"" + secret
                + "\"}}}"), 200);
        assertThat(body.get("changed")).extracting(JsonNode::asText).contains("security.sso.clientSecret");

        List<Document> stored = events(tenant.id());
        assertThat(stored.toString()).doesNotContain(secret);
        String sealed = payload(stored.get(3)).findValues("newValue").stream().map(JsonNode::asText)
                .filter(v -> v.startsWith("enc:v1:")).findFirst().orElseThrow();
        assertThat(secrets.open(tenant.id(), "security.sso.clientSecret", sealed)).isEqualTo(secret);

        long before = eventCount();
        JsonNode same = ok(send("PATCH", SETTINGS, tenant.ownerToken(),
                "{\"security\":{\"sso\":{\"clientSecret\":\"" + secret + "\"}}}"), 200);
        assertThat(same.get("changed")).as("an unchanged secret seals to the same value").isEmpty();
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void singleSignOnCannotBeEnabledWithoutIssuerAndClientId() throws Exception {
        Tenant tenant = signup();
        long before = eventCount();
        assertProblem(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"security\":{\"sso\":{\"enabled\":true}}}"),
                400, "validation-failed", "security.sso.issuer", "security.sso.clientId");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswerAndNothingIsStored() throws Exception {
        Tenant tenant = signup();
        long before = eventCount();
        JsonNode problem = assertProblem(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"timezone\":\"Mars/Base\","
                        + "\"language\":\"xx-??\",\"currency\":\"XYZ\",\"security\":{\"sessionTimeoutMinutes\":2,"
                        + "\"ipAllowList\":[\"10.0.0.0/8\",\"300.1.1.1/8\"],\"sso\":{\"issuer\":\"http://idp.test\","
                        + "\"clientSecret\":\"\"}},\"compliance\":{\"dataRegion\":\"mars\","
                        + "\"dpaAcceptedAt\":\"2999-01-01T00:00:00Z\",\"retentionDays\":{\"auditLogs\":0},"
                        + "\"auditLogging\":\"yes\"}}"), 400, "validation-failed",
                "timezone", "language", "currency", "security.sessionTimeoutMinutes", "security.ipAllowList[1]",
                "security.sso.issuer", "security.sso.clientSecret", "compliance.dataRegion",
                "compliance.dpaAcceptedAt", "compliance.retentionDays.auditLogs", "compliance.auditLogging");
        assertThat(problem.get("errors")).hasSize(11);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownFieldsAreRefusedByTheirPath() throws Exception {
        Tenant tenant = signup();
        long before = eventCount();
        assertProblem(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"timezone\":\"UTC\",\"security\":{\"pin\":1,"
                + "\"sso\":{\"scope\":\"x\"}}}"), 400, "unknown-field", "security.pin", "security.sso.scope");
        assertProblem(send("PATCH", SETTINGS, tenant.ownerToken(), "[1]"), 400, "malformed-request");
        assertProblem(send("PATCH", SETTINGS, tenant.ownerToken(), "{\"security\":true}"), 400,
                "validation-failed", "security");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void onlyTheTenantsAdminsOrASuperadminChangeSettings() throws Exception {
        Tenant tenant = signup();
        long before = eventCount();
        assertProblem(send("PATCH", SETTINGS, null, "{\"timezone\":\"UTC\"}"), 401, "unauthenticated");
        assertProblem(send("PATCH", SETTINGS, token(tenant, Role.MEMBER), "{\"timezone\":\"UTC\"}"), 403,
                "forbidden");
        assertProblem(send("PATCH", SETTINGS, superadmin(), "{\"timezone\":\"UTC\"}"), 404, "tenant-not-found");
        assertProblem(send("PATCH", SETTINGS, superadmin(), "{\"timezone\":\"UTC\"}", "X-Tenant-Id", "nobody"),
                404, "tenant-not-found");
        assertThat(eventCount()).isEqualTo(before);
        JsonNode body = ok(send("PATCH", SETTINGS, superadmin(), "{\"timezone\":\"Europe/Paris\"}",
                "X-Tenant-Id", tenant.slug()), 200);
        assertThat(body.get("tenantId").asText()).isEqualTo(tenant.id());
        Document metadata = events(tenant.id()).get(3);
        assertThat(metadata.toJson()).contains("actingSuperadmin");
    }
}
