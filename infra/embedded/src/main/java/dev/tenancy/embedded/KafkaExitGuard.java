package dev.tenancy.embedded;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka exits or halts the JVM on fatal errors, which in a shared process would silently take every other
 * service down with the broker; this turns those calls into error logs.
 */
final class KafkaExitGuard {

    private static final Logger log = LoggerFactory.getLogger(KafkaExitGuard.class);

    private static final AtomicBoolean installed = new AtomicBoolean();

    private KafkaExitGuard() {
    }

    static void install() {
        if (installed.compareAndSet(false, true)) {
            Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
            Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
        }
    }

    private static void refuse(String kind, int status, String message) {
        log.error("Kafka asked the JVM to {} with status {} ({}); the process keeps running", kind, status, message,
                new IllegalStateException("Kafka " + kind + " request"));
    }
}
