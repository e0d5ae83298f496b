package dev.tenancy.query.audit;

import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.DomainRegisteredEvent;
import dev.tenancy.api.tenant.event.LimitsOverriddenEvent;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.event.UserInvitedEvent;
import dev.tenancy.api.user.event.UserRoleChangedEvent;
import dev.tenancy.api.metadata.MetadataKeys;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every event becomes one audit row, in words, and rebuilding the rows from the store gives the same rows. */
class AuditProjectionTest extends AuditTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyEventTypeOfSharedApiBecomesARowWithItsMetadata() throws Exception {
        String tenantId = auditTenant("every-type");
        Set<Class<?>> types = EventSamples.eventClassesOfSharedApi();
        assertThat(types).hasSizeGreaterThanOrEqualTo(23);
        List<Object> events = new ArrayList<>();
        types.forEach(type -> events.add(EventSamples.instance(type, tenantId)));
        Map<String, Object> metadata = by(tenantId, "user-7", "ADMIN", "corr-every-type");
        metadata.put(MetadataKeys.ACTING_SUPERADMIN, "root-1");

        List<String> ids = act(tenantId, metadata, events.toArray());

        long firstSequence = row(ids.get(0)).aggregate().sequence();
        for (int i = 0; i < ids.size(); i++) {
            Class<?> type = events.get(i).getClass();
            AuditEntry row = row(ids.get(i));
            assertThat(row.eventId()).isEqualTo(ids.get(i));
            assertThat(row.tenantId()).as(type.getSimpleName()).isEqualTo(tenantId);
            assertThat(row.type()).isEqualTo(type.getName());
            assertThat(row.typeName()).isEqualTo(type.getSimpleName());
            assertThat(row.action()).as(type.getSimpleName()).isNotBlank().doesNotContain("Event")
                    .isEqualTo(AuditWording.action(type.getSimpleName()));
            assertThat(row.summary()).as(type.getSimpleName()).isNotBlank().doesNotContain("?");
            assertThat(row.actor()).isEqualTo(new AuditActor("user-7", "USER", "ADMIN"));
            assertThat(row.actingSuperadmin()).isEqualTo("root-1");
            assertThat(row.correlationId()).isEqualTo("corr-every-type");
            assertThat(row.causationId()).isEqualTo("cause-corr-every-type");
            assertThat(row.requestId()).isEqualTo("req-corr-every-type");
            assertThat(row.clientIp()).isEqualTo("203.0.113.7");
            assertThat(row.aggregate()).isEqualTo(new AuditAggregate("TenantAggregate", tenantId,
                    firstSequence + i));
            assertThat(row.target().kind()).isNotBlank();
            assertThat(row.target().id()).isNotBlank();
            assertThat(row.payload().get("tenantId").asText()).isEqualTo(tenantId);
            assertThat(row.time()).isNotNull();
        }
        assertThat(row(ids.get(types.stream().toList().indexOf(UserInvitedEvent.class))).action())
                .isEqualTo("User invited");
    }

    @Test
    void changesTargetsAndSummariesReadAsAPersonWouldSayThem() {
        String tenantId = auditTenant("words");
        var overrides = new LimitOverrides(Quota.of(500), null, null, null, null, null, null, null);
        var professional = PlanCatalog.terms(Plan.PROFESSIONAL).limits();
        List<String> ids = act(tenantId, by(tenantId, "owner-1", "OWNER", "corr-words"),
                new SettingsChangedEvent(tenantId, List.of(new FieldChange("timezone", "UTC", "Europe/Paris"),
                        new FieldChange("security.sso.clientSecret", "enc:old", "enc:new"))),
                new PlanChangedEvent(tenantId, Plan.FREE, Plan.PROFESSIONAL, professional, professional),
                new LimitsOverriddenEvent(tenantId, LimitOverrides.none(), overrides, overrides.applyTo(professional)),
                new UserRoleChangedEvent(tenantId, "user-9", Role.MEMBER, Role.ADMIN),
                new DomainRegisteredEvent(tenantId, "app.example.com", "verify-me-123"),
                new UserInvitedEvent(tenantId, "inv-1", "new@example.test", Role.MEMBER,
                        Instant.parse("2025-06-01T00:00:00Z")),
                new TenantSuspendedEvent(tenantId, "unpaid, \"final\" notice"),
                new ApiKeyRotatedEvent(tenantId, "key-42", "bcrypt-hash-value", 3));

        AuditEntry settings = row(ids.get(0));
        assertThat(settings.action()).isEqualTo("Settings changed");
        assertThat(settings.summary()).isEqualTo("Settings changed: timezone, security.sso.clientSecret");
        assertThat(settings.changes()).containsExactly(new AuditChange("timezone", "UTC", "Europe/Paris"),
                new AuditChange("security.sso.clientSecret", EventJson.MASK, EventJson.MASK));
        assertThat(settings.payload().toString()).doesNotContain("enc:old", "enc:new");
        assertThat(settings.target()).isEqualTo(new AuditTarget("tenant", tenantId));

        AuditEntry plan = row(ids.get(1));
        assertThat(plan.summary()).isEqualTo("Plan changed from FREE to PROFESSIONAL");
        assertThat(plan.changes()).contains(new AuditChange("plan", "FREE", "PROFESSIONAL"),
                new AuditChange("limits.users", null, String.valueOf(professional.users().max())));

        AuditEntry limits = row(ids.get(2));
        assertThat(limits.summary()).isEqualTo("Limit overrides changed: users");
        assertThat(limits.changes()).contains(new AuditChange("overrides.users", null, "500"));

        AuditEntry role = row(ids.get(3));
        assertThat(role.summary()).isEqualTo("User user-9 changed from MEMBER to ADMIN");
        assertThat(role.changes()).containsExactly(new AuditChange("role", "MEMBER", "ADMIN"),
                new AuditChange("userId", null, "user-9"));
        assertThat(role.target()).isEqualTo(new AuditTarget("user", "user-9"));

        AuditEntry domain = row(ids.get(4));
        assertThat(domain.target()).isEqualTo(new AuditTarget("domain", "app.example.com"));
        assertThat(domain.summary()).isEqualTo("Domain app.example.com registered");
        assertThat(domain.payload().get("verificationToken").asText()).isEqualTo(EventJson.MASK);

        AuditEntry invited = row(ids.get(5));
        assertThat(invited.action()).isEqualTo("User invited");
        assertThat(invited.summary()).isEqualTo("new@example.test invited as MEMBER");
        assertThat(invited.target()).isEqualTo(new AuditTarget("invitation", "inv-1"));

        assertThat(row(ids.get(6)).summary()).isEqualTo("Tenant suspended: unpaid, \"final\" notice");

        AuditEntry unknown = row(ids.get(7));
        assertThat(unknown.action()).isEqualTo("API key rotated");
        assertThat(unknown.summary()).isEqualTo("API key rotated (key key-42)");
        assertThat(unknown.target()).isEqualTo(new AuditTarget("key", "key-42"));
        assertThat(unknown.payload().get("secretHash").asText()).isEqualTo(EventJson.MASK);
        assertThat(unknown.changes()).contains(new AuditChange("secretHash", null, EventJson.MASK),
                new AuditChange("generation", null, "3"));
        assertThat(audit.all().toString()).doesNotContain("bcrypt-hash-value", "verify-me-123", "enc:new");
    }

    @Test
    void redeliveringAnEventRewritesTheSameRow() throws Exception {
        String tenantId = auditTenant("redelivered");
        act(tenantId, by(tenantId, "owner-1", "OWNER", "corr-redelivered"),
                new TenantSuspendedEvent(tenantId, "review"));
        String before = checksum();
        for (DomainEventMessage<?> event : eventStore.readEvents(tenantId).asStream().toList()) {
            processor().eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
        }
        assertThat(checksum()).isEqualTo(before);
    }

    @Test
    void replayingFromZeroGivesIdenticalRows() throws Exception {
        String tenantId = auditTenant("replayed");
        act(tenantId, by(tenantId, "owner-1", "OWNER", "corr-replayed"),
                new TenantSuspendedEvent(tenantId, "replay me"),
                new ApiKeyRotatedEvent(tenantId, "key-1", "h", 1));
        int rows = audit.all().size();
        String live = checksum();

        TrackingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        assertThat(audit.all()).as("the reset handler empties the audit model").isEmpty();
        processor.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> audit.all().size() >= rows);
        assertThat(checksum()).isEqualTo(live);
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(AuditProjection.GROUP, TrackingEventProcessor.class).orElseThrow();
    }
}
