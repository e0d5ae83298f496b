package dev.tenancy.command.stream;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.ConcludesBatch;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * Publishes every stored event to the stream. Within a batch the records are only handed to the producer; the last
 * event of the batch waits until Kafka has acknowledged all of them, before the processor stores its token in the
 * batch's prepare-commit. A failure (Kafka down past the send timeout) fails the batch: the token stays, the
 * processor retries, and records Kafka already had are sent again with the same eventId (at least once).
 * <p>
 * {@link DisallowReplay}: a replay (a token reset) must never publish history a second time, so this processor
 * refuses resets; re-publishing everything is a deliberate operation (docs/operations-stream.md).
 */
@ProcessingGroup(TenantEventPublisher.GROUP)
public class TenantEventPublisher {

    public static final String GROUP = "tenant-events-publisher";
    private static final String PENDING = TenantEventPublisher.class.getName() + "/pending";

    private final StreamProducer producer;
    private final StreamRecords records;

    TenantEventPublisher(StreamProducer producer, StreamRecords records) {
        this.producer = producer;
        this.records = records;
    }

    @EventHandler
    @DisallowReplay
    void publish(Object payload, EventMessage<?> event, @ConcludesBatch boolean lastOfBatch) {
        List<Future<RecordMetadata>> pending = CurrentUnitOfWork.get()
                .getOrComputeResource(PENDING, key -> new ArrayList<>());
        pending.add(producer.send(records.of(event)));
        if (lastOfBatch) {
            producer.awaitAcks(pending);
            pending.clear();
        }
    }
}
