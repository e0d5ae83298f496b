package dev.tenancy.command.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenancy.command.stream.StreamTestSupport.Tenant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka going away and coming back: nothing stored in the meantime is lost, each tenant's events stay in order, and a
 * record appears twice only as the same event (same eventId, same envelope).
 */
class EventStreamOutageTest {

    private static final Logger log = LoggerFactory.getLogger(EventStreamOutageTest.class);
    /** Short, so that the outage outlasts it and the processor really fails its batch and retries. */
    private static final String SEND_TIMEOUT = "--tenancy.event-stream.send-timeout=3s";
    private static StreamTestSupport infra;

    @BeforeAll
    static void start() {
        infra = new StreamTestSupport();
    }

    @AfterAll
    static void stop() throws Exception {
        infra.close();
    }

    @Test
    void everyEventStoredWhileTheBrokerWasDownIsPublishedWhenItReturns() throws Exception {
        infra.startKafka();
        ConfigurableApplicationContext service = infra.startService(SEND_TIMEOUT);
        try {
            Tenant first = infra.signup(service);
            Tenant second = infra.signup(service);
            try (StreamReader stream = new StreamReader(infra.bootstrapServers())) {
                stream.readUntil(Duration.ofSeconds(30), () -> stream.eventIds(second.id()).size() >= 2);
            }
            for (int round = 0; round < 5; round++) {
                infra.changeSettings(service, first, round);
                infra.changeSettings(service, second, round);
            }

            infra.stopKafka();
            for (int round = 0; round < 10; round++) {
                infra.reportUsage(service, first, "outage-" + round);
                infra.changeSettings(service, second, round + 1);
            }
            Tenant bornInTheOutage = infra.signup(service);
            infra.changeSettings(service, bornInTheOutage, 0);
            TrackingEventProcessor publisher = publisher(service);
            await().atMost(Duration.ofSeconds(30)).until(() -> publisher.processingStatus().values().stream()
                    .anyMatch(EventTrackerStatus::isErrorState));

            long restartedAt = System.nanoTime();
            infra.startKafka();
            List<Tenant> tenants = List.of(first, second, bornInTheOutage);
            try (StreamReader stream = new StreamReader(infra.bootstrapServers())) {
                stream.readUntil(Duration.ofSeconds(50), () -> tenants.stream()
                        .allMatch(tenant -> stream.eventIds(tenant.id()).equals(infra.storedEventIds(tenant.id()))));
                log.info("All {} records ({} distinct events) on the stream {} ms after the broker's restart",
                        stream.size(), tenants.stream().mapToInt(t -> stream.eventIds(t.id()).size()).sum(),
                        (System.nanoTime() - restartedAt) / 1_000_000);
                for (Tenant tenant : tenants) {
                    assertDuplicatesAreTheSameEvent(stream.records(tenant.id()));
                }
            }
        } finally {
            service.close();
        }
    }

    @Test
    void theServiceStartsAndDecidesWithoutKafkaAndPublishesOnceItIsThere() throws Exception {
        infra.stopKafka();
        ConfigurableApplicationContext service = infra.startService(SEND_TIMEOUT,
                "--tenancy.health.kafka.enabled=true");
        try {
            Tenant tenant = infra.signup(service);
            infra.changeSettings(service, tenant, 1);
            HttpResponse<String> health = infra.get(service, "/actuator/health");
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertThat(body.at("/components/kafka/status").asText()).as(health.body()).isEqualTo("DOWN");
            assertThat(body.at("/components/mongo/status").asText()).isEqualTo("UP");

            infra.startKafka();
            try (StreamReader stream = new StreamReader(infra.bootstrapServers())) {
                stream.readUntil(Duration.ofSeconds(50),
                        () -> stream.eventIds(tenant.id()).equals(infra.storedEventIds(tenant.id())));
                assertDuplicatesAreTheSameEvent(stream.records(tenant.id()));
            }
        } finally {
            service.close();
        }
    }

    private static TrackingEventProcessor publisher(ConfigurableApplicationContext service) {
        return service.getBean(EventProcessingConfiguration.class)
                .eventProcessor(TenantEventPublisher.GROUP, TrackingEventProcessor.class).orElseThrow();
    }

    /** At least once: a record sent again carries the same event, byte for byte. */
    private static void assertDuplicatesAreTheSameEvent(List<ConsumerRecord<String, String>> records) {
        Map<String, Set<String>> valuesById = records.stream().collect(Collectors.groupingBy(
                record -> StreamReader.envelope(record).get("eventId").asText(),
                Collectors.mapping(ConsumerRecord::value, Collectors.toSet())));
        assertThat(valuesById.values()).allSatisfy(values -> assertThat(values).hasSize(1));
    }
}
