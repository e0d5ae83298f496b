package dev.tenancy.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker running in this JVM as a single KRaft node (broker and controller in one), keeping its
 * topics in a directory that survives restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    private final KafkaRaftServer server;
    private final int port;
    private final Path directory;
    private final boolean temporary;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, int port, Path directory, boolean temporary) {
        this.server = server;
        this.port = port;
        this.directory = directory;
        this.temporary = temporary;
    }

    /**
     * Starts a broker keeping its data in {@code <dataDir>/kafka}, formatting that directory on first use only.
     *
     * @param dataDir where to keep the data, or null for a temporary directory deleted on {@link #close()}
     * @param port    the client port on localhost, or 0 for a free one
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        KafkaExitGuard.install();
        boolean temporary = dataDir == null;
        Path directory = temporary ? createTempDirectory() : createDirectory(dataDir.resolve("kafka"));
        // the advertised listener must name the real port, so a random one is chosen before the broker binds
        int brokerPort = port == 0 ? FreePorts.any() : port;
        int controllerPort = FreePorts.otherThan(brokerPort);
        try {
            KafkaConfig config = KafkaConfig.fromProps(BrokerSettings.of(directory, brokerPort, controllerPort));
            String clusterId = KafkaStorage.prepare(directory, config);
            long startedAt = System.nanoTime();
            KafkaRaftServer server = startServer(config, BrokerSettings.HOST + ":" + brokerPort);
            log.info("Embedded Kafka (cluster {}) listening on {}:{} after {} ms, data in {}", clusterId,
                    BrokerSettings.HOST, brokerPort, (System.nanoTime() - startedAt) / 1_000_000, directory);
            return new EmbeddedKafka(server, brokerPort, directory, temporary);
        } catch (RuntimeException e) {
            if (temporary) {
                delete(directory);
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return BrokerSettings.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Shuts the broker down cleanly, so the next start needs no log recovery. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
            log.info("Embedded Kafka on port {} stopped", port);
            if (temporary) {
                delete(directory);
            }
        }
    }

    Path directory() {
        return directory;
    }

    private static KafkaRaftServer startServer(KafkaConfig config, String address) {
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            IllegalStateException failure = new IllegalStateException(
                    "Embedded Kafka failed to start on " + address + " with data in " + config.metadataLogDir(), e);
            // the controller may be up even when the broker failed, and it holds the ports and the log lock
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException shutdownFailure) {
                failure.addSuppressed(shutdownFailure);
            }
            throw failure;
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("embedded-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary Kafka directory", e);
        }
    }

    private static Path createDirectory(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka data directory " + directory, e);
        }
    }

    private static void delete(Path directory) {
        try {
            Utils.delete(directory.toFile());
        } catch (IOException e) {
            log.warn("Could not delete the temporary Kafka directory {}", directory, e);
        }
    }
}
