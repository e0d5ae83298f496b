package dev.tenancy.query.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.event.InvitationAcceptedEvent;
import dev.tenancy.api.user.event.InvitationExpiredEvent;
import dev.tenancy.api.user.event.TwoFactorDisabledEvent;
import dev.tenancy.api.user.event.TwoFactorEnabledEvent;
import dev.tenancy.api.user.event.UserRemovedEvent;
import dev.tenancy.api.user.event.UserRoleChangedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/tenants/current/users: the members and open invitations, as the member events left them. */
class UserProjectionTest extends UserTestSupport {

    @Autowired
    UserReads userReads;

    @Test
    void membersAndOpenInvitationsAreListedAsTheEventsLeftThem() throws Exception {
        String tenantId = usersTenant("listed");
        Instant inAWeek = Instant.now().plus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant gone = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long version = append(tenantId,
                invited(tenantId, "i-open", Role.ADMIN, inAWeek),
                invited(tenantId, "i-overdue", Role.MEMBER, gone),
                invited(tenantId, "i-accepted", Role.MEMBER, inAWeek),
                new InvitationAcceptedEvent(tenantId, "i-accepted", "u-accepted"),
                new UserAddedEvent(tenantId, "u-accepted", "i-accepted@invited.test", Role.MEMBER),
                invited(tenantId, "i-expired", Role.MEMBER, gone),
                new InvitationExpiredEvent(tenantId, "i-expired", "i-expired@invited.test"),
                new UserAddedEvent(tenantId, "u-promoted", "p@x.test", Role.ADMIN),
                new UserRoleChangedEvent(tenantId, "u-promoted", Role.ADMIN, Role.OWNER),
                new UserAddedEvent(tenantId, "u-removed", "r@x.test", Role.MEMBER),
                new UserRemovedEvent(tenantId, "u-removed", "r@x.test"));

        HttpResponse<String> response = get(USERS, memberToken(tenantId), "X-Min-Version", Long.toString(version));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("users", "invitations");
        assertThat(body.get("users").findValuesAsText("userId"))
                .containsExactly("owner-" + view(tenantId).slug(), "u-accepted", "u-promoted");
        JsonNode promoted = body.get("users").get(2);
        assertThat(promoted.get("email").asText()).isEqualTo("p@x.test");
        assertThat(promoted.get("role").asText()).isEqualTo("OWNER");
        assertThat(Instant.parse(promoted.get("joinedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(body.get("invitations").findValuesAsText("id")).containsExactly("i-open", "i-overdue");
        JsonNode open = body.get("invitations").get(0);
        assertThat(open.get("email").asText()).isEqualTo("i-open@invited.test");
        assertThat(open.get("role").asText()).isEqualTo("ADMIN");
        assertThat(Instant.parse(open.get("expiresAt").asText())).isEqualTo(inAWeek);
        assertThat(open.get("invitedAt").asText()).isNotBlank();
        assertThat(open.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("invitations").get(1).get("status").asText())
                .as("past its expiry before the command side recorded it").isEqualTo("expired");
    }

    @Test
    void theSecondFactorFollowsItsEventsPerUser() {
        String tenantId = usersTenant("second-factor");
        long enabled = record(tenantId, new UserAddedEvent(tenantId, "u-app", "app@x.test", Role.MEMBER),
                new UserAddedEvent(tenantId, "u-plain", "plain@x.test", Role.MEMBER),
                new TwoFactorEnabledEvent(tenantId, "u-app"));
        assertThat(userReads.secondFactor(tenantId, "u-app", enabled)).isTrue();
        assertThat(userReads.secondFactor(tenantId, "u-plain", enabled)).isFalse();
        assertThat(userReads.secondFactor(tenantId, "u-unknown", enabled)).isFalse();

        long disabled = record(tenantId, new TwoFactorDisabledEvent(tenantId, "u-app"));
        assertThat(userReads.secondFactor(tenantId, "u-app", disabled)).isFalse();
    }

    @Test
    void everyMemberOfTheTenantReadsItAndNobodyElse() throws Exception {
        String tenantId = usersTenant("readers");
        String other = usersTenant("others");
        assertThat(get(USERS, memberToken(tenantId)).statusCode()).isEqualTo(200);
        assertThat(get(USERS, ownerToken(tenantId)).statusCode()).isEqualTo(200);
        assertThat(problem(get(USERS, null), 401)).isEqualTo("unauthenticated");
        assertThat(problem(get(USERS, ownerToken(other), "X-Tenant-Id", tenantId), 403))
                .isEqualTo("tenant-mismatch");
        assertThat(problem(get(USERS, superadminToken()), 404)).isEqualTo("tenant-not-found");
        HttpResponse<String> asSuperadmin = get(USERS, superadminToken(), "X-Tenant-Id", tenantId);
        assertThat(asSuperadmin.statusCode()).as(asSuperadmin.body()).isEqualTo(200);
        assertThat(body(asSuperadmin).get("users").findValuesAsText("email"))
                .containsExactly("o@" + view(tenantId).slug() + ".test");
    }

    @Test
    void aVersionNotReachedYetIsLaggingAndASuspendedTenantIsNotListed() throws Exception {
        String tenantId = usersTenant("waiting");
        assertThat(problem(get(USERS, memberToken(tenantId), "X-Min-Version", "99"), 503))
                .isEqualTo("read-model-lagging");
        assertThat(problem(get(USERS, memberToken(tenantId), "X-Min-Version", "x"), 400))
                .isEqualTo("validation-failed");
        record(tenantId, new TenantSuspendedEvent(tenantId, "unpaid"));
        assertThat(problem(get(USERS, memberToken(tenantId)), 403)).isEqualTo("tenant-suspended");
    }
}
