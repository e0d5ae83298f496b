package dev.tenancy.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's storage directory. It is formatted once, on first use only: formatting again would mint a new
 * cluster id and the broker would refuse the logs written under the old one.
 */
final class KafkaStorage {

    private static final Logger log = LoggerFactory.getLogger(KafkaStorage.class);

    private static final String META_PROPERTIES = "meta.properties";
    private static final String CLUSTER_ID = "cluster.id";

    private KafkaStorage() {
    }

    /** Formats the directory unless it already holds a {@code meta.properties}; returns its cluster id. */
    static String prepare(Path directory, KafkaConfig config) {
        Path metaProperties = directory.resolve(META_PROPERTIES);
        if (!Files.exists(metaProperties)) {
            format(directory, config);
        }
        return readClusterId(metaProperties);
    }

    private static void format(Path directory, KafkaConfig config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream formatterOutput = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(formatterOutput)
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(config.controllerListenerNames().head())
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(directory.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + directory, e);
        }
        log.info("Formatted new Kafka storage: {}", output.toString(StandardCharsets.UTF_8).strip());
    }

    private static String readClusterId(Path metaProperties) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + metaProperties, e);
        }
        String clusterId = properties.getProperty(CLUSTER_ID);
        if (clusterId == null) {
            throw new IllegalStateException(metaProperties + " has no " + CLUSTER_ID);
        }
        return clusterId;
    }
}
