package dev.tenancy.query.user;

import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.event.InvitationAcceptedEvent;
import dev.tenancy.api.user.event.InvitationExpiredEvent;
import dev.tenancy.api.user.event.UserRemovedEvent;
import dev.tenancy.api.user.event.UserRoleChangedEvent;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redelivered member events change nothing, and a replay from the start rebuilds exactly the live users model. */
class UserProjectionReplayTest extends UserTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void redeliveringAnyEventOnItsOwnChangesNothing() throws Exception {
        String tenantId = tenantWithMemberHistory("redelivered");
        Map<String, List<Document>> before = users.findAllDocumentsOfAllTenants();

        List<? extends DomainEventMessage<?>> history = eventStore.readEvents(tenantId).asStream().toList();
        assertThat(history).hasSize(12);
        for (DomainEventMessage<?> event : history) {
            processor().eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
            assertThat(users.findAllDocumentsOfAllTenants()).as("after redelivering %s",
                    event.getPayloadType().getSimpleName()).isEqualTo(before);
        }
    }

    @Test
    void replayingFromZeroGivesTheSameDocumentsFieldForField() {
        tenantWithMemberHistory("replayed");
        Map<String, List<Document>> live = users.findAllDocumentsOfAllTenants();
        assertThat(live.get(UserStore.INVITATIONS)).isNotEmpty();

        TrackingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        assertThat(users.findAllDocumentsOfAllTenants().values()).as("the reset handler empties the users model")
                .allSatisfy(documents -> assertThat(documents).isEmpty());
        processor.start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(users.findAllDocumentsOfAllTenants()).isEqualTo(live));
    }

    private TrackingEventProcessor processor() {
        return processing.eventProcessor(UserProjection.GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    /** A tenant through every member event: invited, accepted, expired, role changed, removed (12 events). */
    private String tenantWithMemberHistory(String slug) {
        String tenantId = usersTenant(slug);
        Instant later = Instant.now().plus(Duration.ofDays(7));
        record(tenantId,
                invited(tenantId, "i-1", Role.MEMBER, later),
                new InvitationAcceptedEvent(tenantId, "i-1", "u-1"),
                new UserAddedEvent(tenantId, "u-1", "i-1@invited.test", Role.MEMBER),
                invited(tenantId, "i-2", Role.ADMIN, later),
                new InvitationExpiredEvent(tenantId, "i-2", "i-2@invited.test"),
                invited(tenantId, "i-3", Role.OWNER, later),
                new UserRoleChangedEvent(tenantId, "u-1", Role.MEMBER, Role.ADMIN),
                new UserAddedEvent(tenantId, "u-2", "two@x.test", Role.MEMBER),
                new UserRemovedEvent(tenantId, "u-2", "two@x.test"),
                new InvitationAcceptedEvent(tenantId, "i-unknown", "u-3"));
        return tenantId;
    }
}
