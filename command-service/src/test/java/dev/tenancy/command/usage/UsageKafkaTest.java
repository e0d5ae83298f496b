package dev.tenancy.command.usage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.tenancy.command.usage.UsageKafkaSupport.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The usage-reports consumer against a real broker: counted once, refusals dead-lettered, nothing lost. */
class UsageKafkaTest {

    private static UsageKafkaSupport infra;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void start() {
        infra = new UsageKafkaSupport();
        service = infra.start();
    }

    @AfterAll
    static void stop() {
        service.close();
        infra.close();
    }

    @Test
    void eachReportIsCountedOnceEvenWhenDeliveredAgain() throws Exception {
        String first = infra.signup(service);
        String second = infra.signup(service);
        List<String> reports = IntStream.rangeClosed(1, 30).boxed()
                .flatMap(i -> List.of(report(first, "messagesPerMonth", 2, "a-" + i),
                        report(second, "messagesPerMonth", 1, "b-" + i)).stream()).toList();

        infra.produce(null, reports);
        infra.produce(null, reports);

        awaitReports(first, 30);
        awaitReports(second, 30);
        assertThat(infra.reports(first)).extracting(e -> e.toJson().replace("\\", "").replace(" ", ""))
                .anySatisfy(json -> assertThat(json).contains("\"used\":60"))
                .allSatisfy(json -> assertThat(json).contains("kafka:usage-reports").contains("SERVICE"));
        List<String> reportJson = infra.reports(first).stream()
                .map(e -> e.toJson().replace("\\", "").replace(" ", "")).toList();
        assertThat(reportJson).as("each report's events keep its own trace, though decided with others")
                .allSatisfy(json -> assertThat(field(json, "correlationId")).isEqualTo(field(json, "idempotencyKey")));
        assertThat(reportJson.stream().map(json -> field(json, "requestId")).distinct())
                .hasSize(30).allSatisfy(id -> assertThat(id).startsWith("usage-reports-"));
    }

    @Test
    void aReportOverTheLimitIsRefusedAndTheStreamGoesOn() throws Exception {
        String tenant = infra.signup(service);
        List<String> reports = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> report(tenant, "campaigns", 1, "c-" + i)).collect(Collectors.toList());
        reports.add(report(tenant, "campaigns", -3, "c-release"));
        reports.add(report(tenant, "campaigns", 2, "c-after"));

        infra.produce(tenant, reports);

        awaitReports(tenant, 12);
        assertThat(infra.count(tenant, "UsageRefusedEvent")).isEqualTo(2);
    }

    @Test
    void malformedReportsAndUnknownTenantsLandOnTheDeadLetterTopicWithTheReason() throws Exception {
        String tenant = infra.signup(service);
        String marker = "dlq-" + System.nanoTime();
        Map<String, String> expectedReasons = Map.of(
                "{not json " + marker, "malformed JSON",
                report(tenant, "bananas", 1, marker + "-1"), "resource",
                report("no-such-tenant", "campaigns", 1, marker + "-2"), "unknown tenant no-such-tenant",
                report(tenant, "campaigns", 1, marker + "-3").replace("}", ",\"extra\":1}"), "unknown field(s): extra",
                report(tenant, "apiCallsPerHour", 1, marker + "-4"), "validation-failed",
                report(tenant, "users", 1, marker + "-6"), "users are counted by invitations and removals",
                report(tenant, "campaigns", 0, marker + "-5"), "delta must not be zero");

        infra.produce(tenant, List.copyOf(expectedReasons.keySet()));
        infra.produce(tenant, List.of(report(tenant, "campaigns", 1, marker + "-good")));

        awaitReports(tenant, 1);
        Function<ConsumerRecord<String, String>, String> header = record -> new String(
                record.headers().lastHeader(UsageDeadLetters.REASON).value(), StandardCharsets.UTF_8);
        List<ConsumerRecord<String, String>> dead = infra.deadLetters(record -> record.value().contains(marker),
                expectedReasons.size());
        assertThat(dead).hasSize(expectedReasons.size());
        dead.forEach(record -> {
            assertThat(header.apply(record)).contains(expectedReasons.get(record.value()));
            assertThat(new String(record.headers().lastHeader(UsageDeadLetters.ORIGINAL_TOPIC).value(),
                    StandardCharsets.UTF_8)).isEqualTo(UsageKafkaConfiguration.TOPIC);
            assertThat(Long.parseLong(new String(record.headers().lastHeader(UsageDeadLetters.ORIGINAL_OFFSET)
                    .value(), StandardCharsets.UTF_8))).isNotNegative();
        });
    }

    @Test
    void reportsProducedWhileTheServiceIsDownAreCountedAfterItsRestart() throws Exception {
        String tenant = infra.signup(service);
        infra.produce(tenant, IntStream.rangeClosed(1, 40)
                .mapToObj(i -> report(tenant, "messagesPerMonth", 1, "r-" + i)).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> !infra.reports(tenant).isEmpty());

        service.close();
        infra.produce(tenant, IntStream.rangeClosed(1, 80)
                .mapToObj(i -> report(tenant, "messagesPerMonth", 1, "r-" + i)).toList());
        service = infra.start();

        awaitReports(tenant, 80);
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as(name + " in " + json).isTrue();
        return matcher.group(1);
    }

    private static void awaitReports(String tenant, long expected) {
        await().atMost(Duration.ofSeconds(60)).until(() -> infra.reports(tenant).size() >= expected);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> infra.reports(tenant).size() == expected);
    }
}
