package dev.tenancy.command.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.tenant.event.SettingsChangedEvent;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.command.stream.StreamTestSupport.Tenant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tenancy.command.stream.StreamReader.envelope;
import static dev.tenancy.command.stream.StreamReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stream against a real broker: what a record looks like, per-tenant order, and history from the first event. */
class EventStreamTest {

    private static final Logger log = LoggerFactory.getLogger(EventStreamTest.class);
    private static StreamTestSupport infra;

    @BeforeAll
    static void start() {
        infra = new StreamTestSupport();
        infra.startKafka();
    }

    @AfterAll
    static void stop() throws Exception {
        infra.close();
    }

    @Test
    void everyEventArrivesKeyedByItsTenantWithEnvelopeAndHeadersInOrder() throws Exception {
        ConfigurableApplicationContext service = infra.startService();
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tenants.add(infra.signup(service));
        }
        for (int round = 0; round < 4; round++) {
            for (Tenant tenant : tenants) {
                infra.changeSettings(service, tenant, round);
            }
        }

        try (StreamReader stream = new StreamReader(infra.bootstrapServers())) {
            stream.readUntil(Duration.ofSeconds(30), () -> tenants.stream()
                    .allMatch(tenant -> stream.eventIds(tenant.id()).equals(infra.storedEventIds(tenant.id()))));

            assertThat(stream.partitionCount()).isEqualTo(6);
            for (Tenant tenant : tenants) {
                List<Document> stored = infra.storedEvents(tenant.id());
                assertThat(stored).hasSizeGreaterThanOrEqualTo(2 + 4);
                assertThat(stream.records(tenant.id())).extracting(ConsumerRecord::partition)
                        .as("one partition per tenant").containsOnly(stream.records(tenant.id()).get(0).partition());
                List<ConsumerRecord<String, String>> records = stream.firstOccurrences(tenant.id());
                for (int i = 0; i < stored.size(); i++) {
                    assertRecordMatches(records.get(i), stored.get(i), tenant);
                }
                JsonNode created = envelope(records.get(0));
                assertThat(created.get("type").asText()).isEqualTo(TenantCreatedEvent.class.getName());
                assertThat(created.get("name").asText()).isEqualTo("TenantCreatedEvent");
                assertThat(created.at("/payload/slug").asText()).isEqualTo(tenant.slug());
                JsonNode lastSettings = envelope(records.get(stored.size() - 1));
                assertThat(lastSettings.get("type").asText()).isEqualTo(SettingsChangedEvent.class.getName());
                assertThat(lastSettings.at("/payload/changes").findValuesAsText("field"))
                        .contains("timezone", "security.sessionTimeoutMinutes");
            }
        } finally {
            service.close();
        }
    }

    /** Record timestamps are the producer's send times: first to last is the publisher's own pace. */
    private static void logThroughput(long stored, List<ConsumerRecord<String, String>> sent, long totalMs) {
        long first = sent.stream().mapToLong(ConsumerRecord::timestamp).min().orElse(0);
        long last = sent.stream().mapToLong(ConsumerRecord::timestamp).max().orElse(0);
        log.info("Published {} stored events from the first one: {} records sent over {} ms ({} events/s); "
                + "{} ms including the service's start", stored, sent.size(), last - first,
                last > first ? sent.size() * 1000L / (last - first) : "-", totalMs);
    }

    private static void assertRecordMatches(ConsumerRecord<String, String> record, Document stored, Tenant tenant) {
        JsonNode envelope = envelope(record);
        String eventId = stored.getString("eventIdentifier");
        assertThat(record.key()).isEqualTo(tenant.id());
        assertThat(envelope.get("eventId").asText()).isEqualTo(eventId);
        assertThat(envelope.get("type").asText()).isEqualTo(stored.getString("payloadType"));
        assertThat(envelope.get("aggregateId").asText()).isEqualTo(tenant.id());
        assertThat(envelope.get("aggregateType").asText()).isEqualTo("TenantAggregate");
        assertThat(envelope.get("sequence").asLong()).isEqualTo(((Number) stored.get("sequenceNumber")).longValue());
        assertThat(Instant.parse(envelope.get("timestamp").asText()))
                .isEqualTo(Instant.parse(stored.getString("timestamp")));
        assertThat(envelope.get("tenantId").asText()).isEqualTo(tenant.id());
        assertThat(envelope.at("/payload/tenantId").asText()).isEqualTo(tenant.id());
        JsonNode metadata = envelope.get("metadata");
        assertThat(metadata.get(MetadataKeys.TENANT_ID).asText()).isEqualTo(tenant.id());
        assertThat(metadata.get(MetadataKeys.CORRELATION_ID).asText()).isNotBlank();
        assertThat(metadata.get(MetadataKeys.ACTOR_KIND).asText()).isNotBlank();
        metadata.fields().forEachRemaining(entry ->
                assertThat(header(record, entry.getKey())).as("header " + entry.getKey())
                        .isEqualTo(entry.getValue().asText()));
        assertThat(header(record, StreamRecords.EVENT_ID_HEADER)).isEqualTo(eventId);
        assertThat(header(record, StreamRecords.EVENT_TYPE_HEADER)).isEqualTo(stored.getString("payloadType"));
    }

    @Test
    void withoutItsTokenThePublisherStartsAtTheFirstEventEverStored() throws Exception {
        ConfigurableApplicationContext silent = infra.startService("--tenancy.event-stream.enabled=false");
        List<Tenant> tenants = List.of(infra.signup(silent), infra.signup(silent), infra.signup(silent),
                infra.signup(silent));
        int reportsPerTenant = 150;
        ExecutorService clients = Executors.newFixedThreadPool(tenants.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Tenant tenant : tenants) {
                done.add(clients.submit(() -> {
                    for (int i = 0; i < reportsPerTenant; i++) {
                        infra.reportUsage(silent, tenant, tenant.slug() + "-" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdown();
            silent.close();
        }
        long stored = infra.storedEventCount();
        // no token is what a first start sees, and what re-publishing from scratch means (docs/operations-stream.md)
        infra.deletePublisherToken();

        long startedAt = System.currentTimeMillis();
        ConfigurableApplicationContext service = infra.startService();
        try (StreamReader stream = new StreamReader(infra.bootstrapServers())) {
            stream.readUntil(Duration.ofSeconds(50), () -> tenants.stream()
                    .allMatch(tenant -> stream.eventIds(tenant.id()).equals(infra.storedEventIds(tenant.id()))));
            logThroughput(stored, stream.sentSince(startedAt), System.currentTimeMillis() - startedAt);
            assertThat(infra.publisherToken()).as("the publisher's token, in this service's token store")
                    .isNotNull();
            TrackingEventProcessor processor = service.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(TenantEventPublisher.GROUP, TrackingEventProcessor.class).orElseThrow();
            assertThat(processor.supportsReset()).as("replays never republish").isFalse();
            processor.shutDown();
            assertThatThrownBy(processor::resetTokens).isInstanceOf(IllegalStateException.class);
        } finally {
            service.close();
        }
    }
}
