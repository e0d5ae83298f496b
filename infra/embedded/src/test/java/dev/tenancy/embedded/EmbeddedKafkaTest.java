package dev.tenancy.embedded;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaTest {

    private static final int RECORDS = 60;
    private static final int KEYS = 6;
    private static final Duration QUICK_SHUTDOWN = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    @Test
    void roundTripsRecordsOnARandomPortAndDeletesItsTemporaryDirectory() throws Exception {
        EmbeddedKafka kafka = EmbeddedKafka.start(null, 0);
        Path directory = kafka.directory();
        try {
            assertThat(kafka.bootstrapServers()).isEqualTo("localhost:" + kafka.port());
            KafkaTestClients.produce(kafka.bootstrapServers(), records("events"));

            assertThat(valuesByKey(KafkaTestClients.consumeFromStart(kafka.bootstrapServers(), "events", RECORDS)))
                    .isEqualTo(expectedValuesByKey());
        } finally {
            assertClosesQuickly(kafka);
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void keepsTopicsAndRecordsAcrossRestart() throws Exception {
        int port = FreePorts.any();
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port)) {
            KafkaTestClients.produce(kafka.bootstrapServers(), records("tenant-events"));
            assertThat(KafkaTestClients.consumeFromStart(kafka.bootstrapServers(), "tenant-events", RECORDS))
                    .hasSize(RECORDS);
            clusterId = clusterId();
        }

        EmbeddedKafka restarted = EmbeddedKafka.start(dataDir, port);
        try {
            List<ConsumerRecord<String, String>> replayed =
                    KafkaTestClients.consumeFromStart(restarted.bootstrapServers(), "tenant-events", RECORDS);

            assertThat(valuesByKey(replayed)).isEqualTo(expectedValuesByKey());
            assertThat(clusterId()).isEqualTo(clusterId);
        } finally {
            assertClosesQuickly(restarted);
        }
    }

    @Test
    void failedStartReleasesTheDataDirectoryForTheNextAttempt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedKafka.start(dataDir, taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("localhost:" + taken.getLocalPort());
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0)) {
            KafkaTestClients.produce(kafka.bootstrapServers(), List.of(new ProducerRecord<>("retry", "k", "v")));
            assertThat(KafkaTestClients.consumeFromStart(kafka.bootstrapServers(), "retry", 1)).hasSize(1);
        }
    }

    private static void assertClosesQuickly(EmbeddedKafka kafka) {
        long startedAt = System.nanoTime();
        kafka.close();
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(QUICK_SHUTDOWN);
    }

    private String clusterId() throws IOException {
        return Files.readAllLines(dataDir.resolve("kafka/meta.properties")).stream()
                .filter(line -> line.startsWith("cluster.id="))
                .findFirst()
                .orElseThrow();
    }

    private static List<ProducerRecord<String, String>> records(String topic) {
        return IntStream.range(0, RECORDS)
                .mapToObj(i -> new ProducerRecord<>(topic, key(i), "value-" + i))
                .toList();
    }

    private static Map<String, List<String>> expectedValuesByKey() {
        return IntStream.range(0, RECORDS).boxed()
                .collect(groupingBy(EmbeddedKafkaTest::key, mapping(i -> "value-" + i, toList())));
    }

    private static Map<String, List<String>> valuesByKey(List<ConsumerRecord<String, String>> records) {
        return records.stream().collect(groupingBy(ConsumerRecord::key, mapping(ConsumerRecord::value, toList())));
    }

    private static String key(int i) {
        return "tenant-" + (i % KEYS);
    }
}
