package dev.tenancy.query.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every processing group's dead-letter invoker keeps Axon's sequence cache, so handling an event does not ask the
 * queue's collection whether the event's sequence is parked (what parking does is {@link DeadLetterTest}'s).
 */
class DeadLetterSequenceCacheTest extends ReplayTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyGroupsDeadLetterInvokerCachesTheSequencesItParked() {
        List<DeadLetteringEventHandlerInvoker> invokers = processing.eventProcessors().values().stream()
                .filter(AbstractEventProcessor.class::isInstance)
                .flatMap(processor -> deadLettering(((AbstractEventProcessor) processor).eventHandlerInvoker()))
                .toList();

        assertThat(invokers).hasSizeGreaterThanOrEqualTo(9);
        assertThat(invokers).allSatisfy(invoker -> assertThat(
                ReflectionTestUtils.getField(invoker, "sequenceIdentifierCacheEnabled")).isEqualTo(true));
    }

    private static Stream<DeadLetteringEventHandlerInvoker> deadLettering(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return multi.delegates().stream().flatMap(DeadLetterSequenceCacheTest::deadLettering);
        }
        return invoker instanceof DeadLetteringEventHandlerInvoker deadLettering ? Stream.of(deadLettering)
                : Stream.empty();
    }
}
