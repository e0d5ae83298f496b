package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.user.Role;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Invitations, accepting them, role changes and removals through the API, with every refusal. */
class MembersApiTest extends CommandApiTestSupport {

    private static final String INVITATIONS = "/api/v1/tenants/current/invitations";
    private static final String ACCEPT = "/api/v1/auth/invitations/accept";
    private static final String USERS = "/api/v1/tenants/current/users/";
    private static final String NEW_PASSWORD = "another-horse-77";

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode invite(Tenant tenant, String email, String role) throws Exception {
        return ok(send("POST", INVITATIONS, tenant.ownerToken(), body(email, role)), 201);
    }

    private static String body(String email, String role) {
        return "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}";
    }

    private HttpResponse<String> accept(String token, String password) throws Exception {
        return send("POST", ACCEPT, null, "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}");
    }

    private HttpResponse<String> login(Tenant tenant, String email, String password) throws Exception {
        return send("POST", "/api/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"tenant\":\"" + tenant.slug() + "\"}");
    }

    /** A member who accepted an invitation and signed in: their user id and access token. */
    private String[] joined(Tenant tenant, String email, String role) throws Exception {
        String token = invite(tenant, email, role).get("token").asText();
        String userId = ok(accept(token, NEW_PASSWORD), 201).get("userId").asText();
        return new String[]{userId, ok(login(tenant, email, NEW_PASSWORD), 200).get("accessToken").asText()};
    }

    private HttpResponse<String> useAs(String accessToken) throws Exception {
        return send("POST", "/api/v1/tenants/current/usage", accessToken,
                "{\"resource\":\"campaigns\",\"delta\":1,\"idempotencyKey\":\"" + java.util.UUID.randomUUID() + "\"}");
    }

    private List<Document> storedTokens(Tenant tenant) {
        return mongo.getDatabase("tenancy_command").getCollection("invitations")
                .find(new Document("tenantId", tenant.id())).into(new java.util.ArrayList<>());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInviteeAcceptsWithAPasswordAndSignsIn() throws Exception {
        Tenant tenant = signup();
        HttpResponse<String> invited = send("POST", INVITATIONS, tenant.ownerToken(),
                body(" New@" + tenant.slug() + ".TEST ", "MEMBER"));
        JsonNode invitation = ok(invited, 201);
        String email = "new@" + tenant.slug() + ".test";
        String token = invitation.get("token").asText();
        assertThat(invitation.get("email").asText()).isEqualTo(email);
        assertThat(invitation.get("role").asText()).isEqualTo("MEMBER");
        assertThat(invitation.get("id").asText()).isNotBlank();
        assertThat(java.time.Instant.parse(invitation.get("expiresAt").asText()))
                .isBetween(clock.instant().plus(Duration.ofDays(7)).minusSeconds(60),
                        clock.instant().plus(Duration.ofDays(7)));
        assertThat(token).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
        assertThat(invited.headers().firstValue("X-Tenant-Version")).isPresent();

        List<Document> stored = storedTokens(tenant);
        assertThat(stored).singleElement().satisfies(document -> {
            assertThat(document.getString("_id")).isEqualTo(sha256(token));
            assertThat(document.toJson()).doesNotContain(token);
        });
        assertThat(events(tenant.id())).allSatisfy(event -> assertThat(event.toJson()).doesNotContain(token)
                .doesNotContain(sha256(token)));

        JsonNode accepted = ok(accept(token, NEW_PASSWORD), 201);
        assertThat(accepted.get("tenantId").asText()).isEqualTo(tenant.id());
        assertThat(accepted.get("email").asText()).isEqualTo(email);
        assertThat(accepted.get("role").asText()).isEqualTo("MEMBER");
        String userId = accepted.get("userId").asText();
        JsonNode signedIn = ok(login(tenant, email, NEW_PASSWORD), 200);
        assertThat(signedIn.get("userId").asText()).isEqualTo(userId);
        assertThat(signedIn.get("role").asText()).isEqualTo("MEMBER");
        assertThat(eventTypes(tenant.id())).containsExactly("TenantCreatedEvent", "UserAddedEvent",
                "dev.tenancy.api.usage.UsageRecordedEvent", "dev.tenancy.api.user.event.UserInvitedEvent",
                "dev.tenancy.api.usage.UsageRecordedEvent", "dev.tenancy.api.user.event.InvitationAcceptedEvent",
                "UserAddedEvent");
        Object metadata = events(tenant.id()).get(6).get("serializedMetaData");
        JsonNode joined = json.readTree(metadata instanceof String text ? text : ((Document) metadata).toJson());
        assertThat(joined.get("actorId").asText()).as("the new member acts when joining").isEqualTo(userId);
        assertThat(joined.get("actorRole").asText()).isEqualTo("MEMBER");

        assertProblem(accept(token, NEW_PASSWORD), 410, "invitation-used");
        assertProblem(accept("x" + token, NEW_PASSWORD), 404, "invitation-not-found");
    }

    @Test
    void aWeakPasswordIsRefusedWithoutUsingTheToken() throws Exception {
        Tenant tenant = signup();
        String email = "weak@" + tenant.slug() + ".test";
        String token = invite(tenant, email, "ADMIN").get("token").asText();
        assertProblem(accept(token, "short"), 400, "validation-failed", "password");
        assertProblem(accept(token, email), 400, "validation-failed", "password");
        assertProblem(send("POST", ACCEPT, null, "{\"password\":\"" + NEW_PASSWORD + "\"}"), 400,
                "validation-failed", "token");
        assertProblem(send("POST", ACCEPT, null, "{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD
                + "\",\"role\":\"OWNER\"}"), 400, "unknown-field");
        assertThat(ok(accept(token, NEW_PASSWORD), 201).get("role").asText()).isEqualTo("ADMIN");
    }

    @Test
    void badInvitationsAreRefusedNamingTheField() throws Exception {
        Tenant tenant = signup();
        long before = events(tenant.id()).size();
        assertProblem(send("POST", INVITATIONS, tenant.ownerToken(), "{\"role\":\"MEMBER\"}"), 400,
                "validation-failed", "email");
        assertProblem(send("POST", INVITATIONS, tenant.ownerToken(), body("not-an-email", "GOD")), 400,
                "validation-failed", "email", "role");
        assertProblem(send("POST", INVITATIONS, tenant.ownerToken(), body("a@b.test", "SUPERADMIN")), 400,
                "validation-failed", "role");
        assertProblem(send("POST", INVITATIONS, tenant.ownerToken(), "{\"email\":\"a@b.test\",\"role\":\"MEMBER\","
                + "\"plan\":\"FREE\"}"), 400, "unknown-field");
        assertProblem(send("POST", INVITATIONS, tenant.ownerToken(), "{\"email\":"), 400, "malformed-request");
        assertProblem(send("PATCH", USERS + "someone", tenant.ownerToken(), "{\"role\":\"root\"}"), 400,
                "validation-failed", "role");
        assertThat(events(tenant.id())).hasSize((int) before);
        assertThat(storedTokens(tenant)).isEmpty();
    }

    @Test
    void onlyOwnersAdminsAndSuperadminsManageMembers() throws Exception {
        Tenant tenant = signup();
        String member = token(tenant, Role.MEMBER);
        assertProblem(send("POST", INVITATIONS, null, body("a@b.test", "MEMBER")), 401, "unauthenticated");
        assertProblem(send("PATCH", USERS + "u", null, "{\"role\":\"ADMIN\"}"), 401, "unauthenticated");
        assertProblem(send("DELETE", USERS + "u", null, null), 401, "unauthenticated");
        assertProblem(send("POST", INVITATIONS, member, body("a@b.test", "MEMBER")), 403, "forbidden");
        assertProblem(send("PATCH", USERS + "u", member, "{\"role\":\"ADMIN\"}"), 403, "forbidden");
        assertProblem(send("DELETE", USERS + "u", member, null), 403, "forbidden");

        String admin = token(tenant, Role.ADMIN);
        assertProblem(send("POST", INVITATIONS, admin, body("boss@b.test", "OWNER")), 403, "forbidden");
        assertThat(ok(send("POST", INVITATIONS, admin, body("peer@b.test", "ADMIN")), 201).get("role").asText())
                .isEqualTo("ADMIN");
        assertThat(ok(send("POST", INVITATIONS, superadmin(), body("boss@b.test", "OWNER"), "X-Tenant-Id",
                tenant.id()), 201).get("role").asText()).isEqualTo("OWNER");
        assertThat(storedTokens(tenant)).hasSize(2);
    }

    @Test
    void aMemberOrPendingEmailIsNotInvitedAgain() throws Exception {
        Tenant tenant = signup();
        invite(tenant, "twice@b.test", "MEMBER");
        long before = events(tenant.id()).size();
        assertProblem(send("POST", INVITATIONS, tenant.ownerToken(), body("TWICE@b.test", "ADMIN")), 409,
                "already-invited");
        assertProblem(send("POST", INVITATIONS, tenant.ownerToken(), body("owner@" + tenant.slug() + ".test",
                "MEMBER")), 409, "already-member");
        assertThat(events(tenant.id())).hasSize((int) before);
        assertThat(storedTokens(tenant)).hasSize(1);
    }

    @Test
    void invitationsTakeSeatsAndAFullTenantRefusesWithTheLimitProblem() throws Exception {
        Tenant tenant = signup();
        for (int i = 1; i <= 4; i++) {
            invite(tenant, "seat" + i + "@b.test", "MEMBER");
        }
        long before = events(tenant.id()).size();
        JsonNode problem = assertProblem(send("POST", INVITATIONS, tenant.ownerToken(), body("seat5@b.test",
                "MEMBER")), 409, "limit-exceeded");
        assertThat(problem.get("resource").asText()).isEqualTo("users");
        assertThat(problem.get("limit").get("max").asLong()).isEqualTo(5);
        assertThat(problem.get("current").asLong()).isEqualTo(5);
        assertThat(problem.get("requested").asLong()).isEqualTo(1);
        assertThat(events(tenant.id())).hasSize((int) before);
        assertThat(storedTokens(tenant)).hasSize(4);
        assertThat(eventTypes(tenant.id())).filteredOn(type -> type.endsWith("UsageThresholdCrossedEvent"))
                .hasSize(2);
        assertProblem(send("POST", "/api/v1/tenants/current/usage", tenant.ownerToken(),
                "{\"resource\":\"users\",\"delta\":-1,\"idempotencyKey\":\"k\"}"), 400, "validation-failed",
                "resource");
    }

    @Test
    void theLastOwnerStaysAndUnknownUsersAreNotFound() throws Exception {
        Tenant tenant = signup();
        String ownerId = tokens.verify(tenant.ownerToken()).user().userId();
        long before = events(tenant.id()).size();
        assertProblem(send("PATCH", USERS + ownerId, tenant.ownerToken(), "{\"role\":\"ADMIN\"}"), 409,
                "last-owner");
        assertProblem(send("DELETE", USERS + ownerId, superadmin(), null, "X-Tenant-Id", tenant.id()), 409,
                "last-owner");
        assertProblem(send("DELETE", USERS + ownerId, token(tenant, Role.ADMIN), null), 403, "forbidden");
        assertProblem(send("PATCH", USERS + "nobody", tenant.ownerToken(), "{\"role\":\"ADMIN\"}"), 404,
                "user-not-found");
        assertProblem(send("DELETE", USERS + "nobody", tenant.ownerToken(), null), 404, "user-not-found");
        assertThat(events(tenant.id())).hasSize((int) before);
        ok(login(tenant, "owner@" + tenant.slug() + ".test", PASSWORD), 200);
    }

    @Test
    void aRoleChangeRevokesTheUsersTokensAndTheNextSignInCarriesTheNewRole() throws Exception {
        Tenant tenant = signup();
        String email = "promoted@b.test";
        String[] user = joined(tenant, email, "MEMBER");
        ok(useAs(user[1]), 200);

        JsonNode changed = ok(send("PATCH", USERS + user[0], tenant.ownerToken(), "{\"role\":\"ADMIN\"}"), 200);
        assertThat(changed.get("changed").asBoolean()).isTrue();
        assertThat(changed.get("role").asText()).isEqualTo("ADMIN");
        assertProblem(useAs(user[1]), 401, "unauthenticated");
        JsonNode again = ok(login(tenant, email, NEW_PASSWORD), 200);
        assertThat(again.get("role").asText()).isEqualTo("ADMIN");

        JsonNode same = ok(send("PATCH", USERS + user[0], tenant.ownerToken(), "{\"role\":\"ADMIN\"}"), 200);
        assertThat(same.get("changed").asBoolean()).isFalse();
        ok(useAs(again.get("accessToken").asText()), 200);
    }

    @Test
    void aRemovedUsersTokensStopWorkingAtOnceAndTheirSeatIsFree() throws Exception {
        Tenant tenant = signup();
        String email = "leaving@b.test";
        String[] user = joined(tenant, email, "ADMIN");
        ok(useAs(user[1]), 200);

        HttpResponse<String> removed = send("DELETE", USERS + user[0], tenant.ownerToken(), null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(removed.headers().firstValue("X-Tenant-Version")).isPresent();
        assertProblem(useAs(user[1]), 401, "unauthenticated");
        assertProblem(login(tenant, email, NEW_PASSWORD), 401, "invalid-credentials");
        List<String> types = eventTypes(tenant.id());
        assertThat(types.subList(types.size() - 2, types.size())).containsExactly(
                "dev.tenancy.api.user.event.UserRemovedEvent", "dev.tenancy.api.usage.UsageRecordedEvent");
        assertProblem(send("DELETE", USERS + user[0], tenant.ownerToken(), null), 404, "user-not-found");
        invite(tenant, email, "MEMBER");
    }

    @Test
    void anExpiredInvitationAnswersGoneAndItsExpiryIsStored() throws Exception {
        Tenant tenant = signup();
        String email = "late@b.test";
        String token = invite(tenant, email, "MEMBER").get("token").asText();
        clock.advance(Duration.ofDays(7).plusMinutes(1));

        assertProblem(accept(token, NEW_PASSWORD), 410, "invitation-expired");
        List<String> types = eventTypes(tenant.id());
        assertThat(types.subList(types.size() - 2, types.size())).containsExactly(
                "dev.tenancy.api.user.event.InvitationExpiredEvent", "dev.tenancy.api.usage.UsageRecordedEvent");
        assertProblem(login(tenant, email, NEW_PASSWORD), 401, "invalid-credentials");
        assertProblem(accept(token, NEW_PASSWORD), 410, "invitation-expired");
        String owner = ok(login(tenant, "owner@" + tenant.slug() + ".test", PASSWORD), 200).get("accessToken")
                .asText();
        ok(send("POST", INVITATIONS, owner, body(email, "MEMBER")), 201);
    }

    @Test
    void aFailedAcceptanceLeavesNothingBehindAndTheTokenCanBeUsedLater() throws Exception {
        Tenant tenant = signup();
        String email = "patient@b.test";
        String token = invite(tenant, email, "MEMBER").get("token").asText();
        String admin = "/api/v1/tenants/" + tenant.id();
        ok(send("PATCH", admin, superadmin(), "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid\"}"), 200);
        long before = events(tenant.id()).size();

        assertProblem(accept(token, NEW_PASSWORD), 403, "tenant-suspended");
        assertThat(events(tenant.id())).hasSize((int) before);
        assertProblem(login(tenant, email, NEW_PASSWORD), 401, "invalid-credentials");

        ok(send("PATCH", admin, superadmin(), "{\"status\":\"ACTIVE\",\"reason\":\"paid\"}"), 200);
        ok(accept(token, NEW_PASSWORD), 201);
        ok(login(tenant, email, NEW_PASSWORD), 200);
    }

    @Test
    void aTokenIsAcceptedOnlyForItsOwnTenant() throws Exception {
        Tenant tenant = signup();
        Tenant other = signup();
        String token = invite(tenant, "where@b.test", "MEMBER").get("token").asText();
        assertProblem(send("POST", ACCEPT, null, "{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD
                + "\"}", "X-Tenant-Id", other.id()), 404, "invitation-not-found");
        ok(send("POST", ACCEPT, null, "{\"token\":\"" + token + "\",\"password\":\"" + NEW_PASSWORD + "\"}",
                "X-Tenant-Id", tenant.slug()), 201);
    }
}
