package dev.tenancy.query.replay;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Reading, retrying and evicting the processing groups' dead letters. */
@Component
class DeadLetterAdmin {

    private final ProjectionRebuilds rebuilds;
    private final RebuildContext context;

    DeadLetterAdmin(ProjectionRebuilds rebuilds, RebuildContext context) {
        this.rebuilds = rebuilds;
        this.context = context;
    }

    DeadLetterList list(String group) {
        List<String> groups = group == null ? rebuilds.groups() : List.of(known(group));
        List<DeadLetterGroupView> views = new ArrayList<>();
        for (String name : groups) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(name);
            List<DeadLetterSequenceView> sequences = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                List<DeadLetterView> letters = new ArrayList<>();
                String sequenceId = null;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    sequenceId = sequenceId == null ? context.sequenceId(name, letter.message()) : sequenceId;
                    letters.add(view(letter));
                }
                if (sequenceId != null) {
                    sequences.add(new DeadLetterSequenceView(sequenceId, letters.size(), letters));
                }
            }
            views.add(new DeadLetterGroupView(name, queue.size(), sequences));
        }
        return new DeadLetterList(views);
    }

    /** Hands the sequence to the group's handlers again, in order, until one fails. */
    RetryResult retry(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = parked(group, sequenceId);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = context.processing
                .sequencedDeadLetterProcessor(group).orElseThrow(() -> ReplayProblems.projectionNotFound(group));
        boolean processed = processor.process(letter ->
                sequenceId.equals(context.sequenceId(group, letter.message())));
        return new RetryResult(group, sequenceId, processed, queue.sequenceSize(sequenceId));
    }

    /** Drops the sequence: its events are given up on (a rebuild of the tenant's slice can restore them). */
    void evict(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = parked(group, sequenceId);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceId).forEach(letters::add);
        letters.forEach(queue::evict);
    }

    private SequencedDeadLetterQueue<EventMessage<?>> parked(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(known(group));
        if (!queue.contains(sequenceId)) {
            throw ReplayProblems.deadLetterNotFound(group, sequenceId);
        }
        return queue;
    }

    private String known(String group) {
        if (!rebuilds.groups().contains(group)) {
            throw ReplayProblems.projectionNotFound(group);
        }
        return group;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return context.processing.deadLetterQueue(group).orElseThrow(() -> ReplayProblems.projectionNotFound(group));
    }

    private static DeadLetterView view(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Cause cause = letter.cause().orElse(null);
        return new DeadLetterView(message.getIdentifier(), message.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), message.getTimestamp(),
                ReplayToken.isReplay(message), letter.enqueuedAt(), letter.lastTouched(),
                cause == null ? null : cause.type(), cause == null ? null : cause.message());
    }
}
