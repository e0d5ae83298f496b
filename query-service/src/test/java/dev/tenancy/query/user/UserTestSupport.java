package dev.tenancy.query.user;

import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.event.UserInvitedEvent;
import dev.tenancy.query.QueryServiceTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Tenants whose member events are projected into the users read model before a test goes on. */
abstract class UserTestSupport extends QueryServiceTestSupport {

    static final String USERS = "/api/v1/tenants/current/users";

    @Autowired
    UserStore users;

    /** A FREE tenant with a slug no other test uses and its owner ("owner-<slug>"), in the users model. */
    String usersTenant(String slug) {
        String unique = slug + "-" + UUID.randomUUID().toString().substring(0, 8);
        String tenantId = tenant(unique, dev.tenancy.api.plan.Plan.FREE);
        awaitUsers(tenantId, 1);
        return tenantId;
    }

    /** Appends the events and waits until the users model has them. */
    long record(String tenantId, TenantMessage... events) {
        return awaitUsers(tenantId, append(tenantId, events));
    }

    long awaitUsers(String tenantId, long version) {
        await().atMost(Duration.ofSeconds(10)).until(() -> users.tenant(TenantId.of(tenantId))
                .map(tenant -> tenant.get("version", Number.class).longValue()).orElse(-1L) >= version);
        return version;
    }

    static UserInvitedEvent invited(String tenantId, String invitationId, Role role, Instant expiresAt) {
        return new UserInvitedEvent(tenantId, invitationId, invitationId + "@invited.test", role, expiresAt);
    }
}
