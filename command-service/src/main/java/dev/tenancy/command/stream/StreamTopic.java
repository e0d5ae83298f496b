package dev.tenancy.command.stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the stream topic before the first record is sent, so the broker cannot auto-create it with its default
 * partition count. Called from the processor's thread: while Kafka is down it fails like a send, and the processor
 * retries, so the service starts without Kafka. An existing topic is never modified: adding partitions would move
 * tenants to other partitions and break their order.
 */
final class StreamTopic {

    private static final Logger log = LoggerFactory.getLogger(StreamTopic.class);

    private final Map<String, Object> adminConfig;
    private final NewTopic topic;
    private final Duration timeout;
    private volatile boolean ready;

    StreamTopic(Map<String, Object> adminConfig, String name, int partitions, Duration timeout) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.topic = new NewTopic(name, Optional.of(partitions), Optional.empty());
        this.timeout = timeout;
    }

    void ensureExists() {
        if (ready) {
            return;
        }
        Admin admin = Admin.create(adminConfig);
        try {
            admin.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs((int) timeout.toMillis()))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions", topic.name(), topic.numPartitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new EventStreamUnavailableException("cannot create topic " + topic.name(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new EventStreamUnavailableException("Kafka did not answer creating topic " + topic.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStreamUnavailableException("interrupted creating topic " + topic.name(), e);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
        ready = true;
    }
}
