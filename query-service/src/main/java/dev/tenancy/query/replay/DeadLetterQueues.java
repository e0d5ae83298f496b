package dev.tenancy.query.replay;

import com.mongodb.client.MongoClient;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;

/**
 * Dead-letter queues, one per processing group (and one per running rebuild), all in this service's
 * {@code deadletters} collection: axon-mongo's {@link MongoSequencedDeadLetterQueue}. Axon sequences them with the
 * processor's sequencing policy, by aggregate (that is, by tenant): an event that fails parks its tenant's later
 * events behind it, and every other tenant keeps being projected.
 */
@Component
public class DeadLetterQueues {

    private final MongoTemplate template;
    private final Serializer serializer;

    public DeadLetterQueues(MongoClient client, EventStoreProperties properties, Serializer serializer) {
        this.template = DefaultMongoTemplate.builder().mongoDatabase(client, properties.serviceDatabase()).build();
        this.serializer = serializer;
    }

    public SequencedDeadLetterQueue<EventMessage<?>> queue(String processingGroup) {
        return MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                .processingGroup(processingGroup)
                .mongoTemplate(template)
                .serializer(serializer)
                .build();
    }
}
