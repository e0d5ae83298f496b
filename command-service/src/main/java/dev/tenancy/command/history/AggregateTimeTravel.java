package dev.tenancy.command.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenancy.command.tenant.TenantAggregate;
import dev.tenancy.platform.axon.Serializers;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A tenant aggregate as it was at a sequence number or an instant, rebuilt by replaying its events from the first
 * one (snapshots and the aggregate cache are bypassed on purpose: they only know the present).
 */
@Component
public class AggregateTimeTravel {

    private final EventStore events;
    private final AggregateModel<TenantAggregate> model;
    private final ObjectMapper stateMapper = Serializers.snapshots().getObjectMapper();

    public AggregateTimeTravel(EventStore events, Configuration axon) {
        this.events = events;
        this.model = AnnotatedAggregateMetaModelFactory.inspectAggregate(TenantAggregate.class,
                axon.parameterResolverFactory(), axon.handlerDefinition(TenantAggregate.class));
    }

    /** The state after the last event with a sequence number up to {@code sequence}; empty before the first. */
    public Optional<PastState> atSequence(String aggregateId, long sequence) {
        return replay(aggregateId, event -> event.getSequenceNumber() <= sequence);
    }

    /** The state after the last event stored at or before {@code instant}; empty before the first. */
    public Optional<PastState> atInstant(String aggregateId, Instant instant) {
        return replay(aggregateId, event -> !event.getTimestamp().isAfter(instant));
    }

    private Optional<PastState> replay(String aggregateId, Predicate<DomainEventMessage<?>> included) {
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        if (!stream.hasNext() || !included.test(stream.peek())) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.peek();
        // the model inspected with the application's parameter resolvers: handlers take Spring beans (a Clock)
        TenantAggregate root = new GenericAggregateFactory<>(model).createAggregateRoot(aggregateId, first);
        EventSourcedAggregate<TenantAggregate> aggregate = EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        LastApplied last = new LastApplied();
        aggregate.initializeState(DomainEventStream.of(stream.asStream().filter(included).peek(last::set)
                .map(event -> (DomainEventMessage<?>) event)));
        JsonNode state = stateMapper.valueToTree(aggregate.getAggregateRoot());
        return Optional.of(new PastState(aggregateId, "TenantAggregate", last.event.getSequenceNumber(),
                last.event.getTimestamp(), last.event.getPayloadType().getSimpleName(), state));
    }

    private static final class LastApplied {
        private DomainEventMessage<?> event;

        void set(DomainEventMessage<?> applied) {
            event = applied;
        }
    }
}
