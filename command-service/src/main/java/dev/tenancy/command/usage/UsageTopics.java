package dev.tenancy.command.usage;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Creates the usage topics in the background until the broker answers. Declared as NewTopic beans they would be
 * created while the context starts, which waits for the admin timeout when Kafka is down; the service must start and
 * take REST reports without Kafka, and its consumer connects whenever the broker comes.
 */
public class UsageTopics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageTopics.class);

    private final KafkaAdmin admin;
    private final List<NewTopic> topics;
    private final Duration retryInterval;
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private volatile Thread worker;
    private volatile boolean ready;

    public UsageTopics(KafkaAdmin admin, List<NewTopic> topics, Duration retryInterval) {
        this.admin = admin;
        this.topics = List.copyOf(topics);
        this.retryInterval = retryInterval;
    }

    /** Whether the topics exist with (at least) their partitions. */
    public boolean ready() {
        return ready;
    }

    @Override
    public void start() {
        stopped = new CountDownLatch(1);
        Thread thread = new Thread(this::createUntilDone, "usage-topics");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    private void createUntilDone() {
        boolean warned = false;
        do {
            try {
                admin.createOrModifyTopics(topics.toArray(NewTopic[]::new));
                if (stopped.getCount() == 0) {
                    // stopping interrupts the admin call, which may then return without having done anything
                    return;
                }
                ready = true;
                log.info("Usage topics ready: {}", topics.stream().map(NewTopic::name).toList());
                return;
            } catch (RuntimeException e) {
                if (!warned) {
                    log.warn("Cannot create the usage topics yet ({}); retrying every {}", e.getMessage(),
                            retryInterval);
                    warned = true;
                }
            }
        } while (!awaitStop());
    }

    private boolean awaitStop() {
        try {
            return stopped.await(retryInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }

    /** Before the listener containers, so the topics are asked for before anyone subscribes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
