package dev.tenancy.query.impersonation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.impersonation.ImpersonationStartedEvent;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.query.QueryServiceTestSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The tenant reads who impersonated it; the read model survives redelivery and replay unchanged. */
class ImpersonationsApiTest extends QueryServiceTestSupport {

    private static final String ROUTE = "/api/v1/tenants/current/impersonations";
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Autowired
    ImpersonationStore store;
    @Autowired
    EventProcessingConfiguration processing;

    private static ImpersonationStartedEvent started(String tenantId, String superadmin, String reason, Instant at) {
        return new ImpersonationStartedEvent(tenantId, superadmin, "owner-x", reason, at,
                at.plus(10, ChronoUnit.MINUTES));
    }

    private String impersonatedTenant(String slug) {
        String tenantId = tenant(slug, Plan.FREE);
        append(tenantId, started(tenantId, "root-1", "ticket 1: billing", T0),
                started(tenantId, "root-2", "ticket 2: import stuck", T0.plus(1, ChronoUnit.DAYS)));
        await().atMost(Duration.ofSeconds(10)).until(() -> sessions(tenantId).size() == 2);
        return tenantId;
    }

    private List<ImpersonationSessionView> sessions(String tenantId) {
        return store.newestOf(TenantId.of(tenantId));
    }

    @Test
    void ownersAndAdminsSeeWhoImpersonatedThemNewestFirst() throws Exception {
        String tenantId = impersonatedTenant("imp-list");
        String other = impersonatedTenant("imp-other");

        JsonNode body = body(ok(get(ROUTE, ownerToken(tenantId))));
        assertThat(body.get("sessions")).hasSize(2);
        JsonNode newest = body.get("sessions").get(0);
        assertThat(newest.get("superadminId").asText()).isEqualTo("root-2");
        assertThat(newest.get("reason").asText()).isEqualTo("ticket 2: import stuck");
        assertThat(Instant.parse(newest.get("startedAt").asText())).isEqualTo(T0.plus(1, ChronoUnit.DAYS));
        assertThat(Instant.parse(newest.get("expiresAt").asText()))
                .isEqualTo(T0.plus(1, ChronoUnit.DAYS).plus(10, ChronoUnit.MINUTES));
        assertThat(body.get("sessions").get(1).get("superadminId").asText()).isEqualTo("root-1");
        assertThat(body.toString()).doesNotContain(other);

        String admin = tokens.issue(new AuthenticatedUser("admin-1", tenantId, Role.ADMIN, null));
        assertThat(body(ok(get(ROUTE, admin))).get("sessions")).hasSize(2);
        assertThat(body(ok(get(ROUTE, superadminToken(), "X-Tenant-Id", tenantId))).get("sessions")).hasSize(2);
    }

    @Test
    void membersOtherTenantsAndUnnamedTenantsGetNothing() throws Exception {
        String tenantId = impersonatedTenant("imp-closed");
        String other = tenant("imp-nosy", Plan.FREE);

        assertThat(problem(get(ROUTE, memberToken(tenantId)), 403)).isEqualTo("forbidden");
        assertThat(problem(get(ROUTE, ownerToken(other), "X-Tenant-Id", tenantId), 403)).isEqualTo("tenant-mismatch");
        assertThat(problem(get(ROUTE, superadminToken()), 404)).isEqualTo("tenant-not-found");
        assertThat(problem(get(ROUTE, null), 401)).isEqualTo("unauthenticated");
        assertThat(body(ok(get(ROUTE, ownerToken(other)))).get("sessions")).isEmpty();
    }

    @Test
    void redeliveredEventsChangeNothingAndAReplayRebuildsTheSameModel() throws Exception {
        String tenantId = impersonatedTenant("imp-replay");
        List<Document> live = store.allDocumentsOfAllTenants();
        TrackingEventProcessor processor = processing.eventProcessor(ImpersonationProjection.GROUP,
                TrackingEventProcessor.class).orElseThrow();

        for (DomainEventMessage<?> event : eventStore.readEvents(tenantId).asStream().toList()) {
            processor.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
        }
        assertThat(store.allDocumentsOfAllTenants()).isEqualTo(live);

        processor.shutDown();
        processor.resetTokens();
        assertThat(store.allDocumentsOfAllTenants()).as("the reset handler empties the read model").isEmpty();
        processor.start();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(store.allDocumentsOfAllTenants()).isEqualTo(live));
        assertThat(sessions(tenantId)).extracting(ImpersonationSessionView::superadminId)
                .containsExactly("root-2", "root-1");
    }

    private HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
