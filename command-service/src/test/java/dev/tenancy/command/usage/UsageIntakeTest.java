package dev.tenancy.command.usage;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.usage.BatchedUsageReport;
import dev.tenancy.api.usage.RecordUsageBatchCommand;
import dev.tenancy.api.usage.UsageOutcome;
import dev.tenancy.command.tenant.BatchedUsageDecision;
import dev.tenancy.command.tenant.TenantRuleViolation;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The batch decisions without a broker: what is dead-lettered, what is retried, in which order, in which commands,
 * as whom.
 */
class UsageIntakeTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final List<RecordUsageBatchCommand> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<CallContext> contexts = Collections.synchronizedList(new ArrayList<>());
    private final List<DeadLetter> deadLettered = new ArrayList<>();
    private final AtomicLong offsets = new AtomicLong();
    private final UsageDeadLetters deadLetters = new UsageDeadLetters(Map.of("bootstrap.servers", "localhost:1"),
            "usage-reports.dlq") {
        @Override
        public void send(List<DeadLetter> letters) {
            deadLettered.addAll(letters);
        }
    };
    private final UsageIntake intake = new UsageIntake(gateway, new Directory(), deadLetters,
            new UsageReportParser(Clock.systemUTC()), 4, 7, new UsageMetrics(new SimpleMeterRegistry()));

    @AfterEach
    void close() {
        intake.destroy();
        deadLetters.destroy();
    }

    @Test
    void eachTenantsReportsAreSentInOrderSeveralToACommandAsTheKafkaServiceActor() {
        answer(report -> null);
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            batch.add(record(report("t-1", "a-" + i)));
            batch.add(record(report("t-2", "b-" + i)));
        }
        batch.get(0).headers().add(UsageIntake.CORRELATION_HEADER, "corr-1".getBytes(StandardCharsets.UTF_8));

        intake.handle(batch);

        assertThat(deadLettered).isEmpty();
        assertThat(reportsOf("t-1").map(BatchedUsageReport::idempotencyKey)).containsExactly(keys("a"));
        assertThat(reportsOf("t-2").map(BatchedUsageReport::idempotencyKey)).containsExactly(keys("b"));
        assertThat(sent).extracting(command -> command.reports().size()).containsExactlyInAnyOrder(7, 7, 6, 7, 7, 6);
        assertThat(contexts).allSatisfy(context -> {
            assertThat(context.actorId()).isEqualTo(UsageIntake.ACTOR);
            assertThat(context.actorRole()).isEqualTo("SERVICE");
            assertThat(context.requestId()).startsWith("usage-reports-0-");
        });
        List<BatchedUsageReport> first = reportsOf("t-1").toList();
        assertThat(first.get(0).correlationId()).isEqualTo("corr-1");
        assertThat(first.get(1).correlationId()).isEqualTo("a-2");
        assertThat(first).extracting(BatchedUsageReport::requestId)
                .containsExactlyElementsOf(IntStream.range(0, 20).mapToObj(i -> "usage-reports-0-" + 2 * i).toList());
        assertThat(contexts).extracting(CallContext::correlationId).contains("corr-1", "b-1").doesNotContain("a-1");
    }

    @Test
    void refusalsOfTheRulesAreDeadLetteredAndTheRestIsDecided() {
        answer(report -> report.idempotencyKey().equals("bad")
                ? TenantRuleViolation.invalid(Map.of("resource", "apiCallsPerHour is counted by the platform"))
                : null);

        intake.handle(List.of(record(report("t-1", "bad")), record(report("t-1", "good")),
                record(report("t-gone", "x")), record(report("nobody", "y")),
                record("{\"tenantId\":\"t-1\",\"tenantId\":\"t-2\"}"), record("{} trailing"), record("[]"),
                record(null)));

        assertThat(reportsOf("t-1").map(BatchedUsageReport::idempotencyKey)).containsExactly("bad", "good");
        assertThat(deadLettered).extracting(DeadLetter::reason).satisfiesExactly(
                reason -> assertThat(reason).isEqualTo("tenant t-gone is deleted"),
                reason -> assertThat(reason).isEqualTo("unknown tenant nobody"),
                reason -> assertThat(reason).startsWith("malformed JSON").contains("Duplicate field 'tenantId'"),
                reason -> assertThat(reason).startsWith("malformed JSON"),
                reason -> assertThat(reason).isEqualTo("not a JSON object"),
                reason -> assertThat(reason).isEqualTo("empty message: a usage report is a JSON object"),
                reason -> assertThat(reason).isEqualTo("validation-failed: Invalid fields: resource "
                        + "(resource: apiCallsPerHour is counted by the platform)"));
        assertThat(deadLettered.get(6).original().offset()).isZero();
    }

    @Test
    void aCommandTheTenantRefusesWholeDeadLettersEachOfItsReports() {
        when(gateway.send(any())).thenReturn(CompletableFuture.failedFuture(TenantRuleViolation.notFound()));

        intake.handle(List.of(record(report("t-1", "k-1")), record(report("t-1", "k-2"))));

        assertThat(deadLettered).extracting(letter -> letter.original().offset()).containsExactly(0L, 1L);
        assertThat(deadLettered).extracting(DeadLetter::reason).allSatisfy(reason ->
                assertThat(reason).startsWith("tenant-not-found"));
    }

    @Test
    void anInfrastructureFailureFailsTheBatchSoItIsNotAcknowledged() {
        when(gateway.send(any())).thenReturn(CompletableFuture.failedFuture(
                new IllegalStateException("MongoDB is down")));

        assertThatThrownBy(() -> intake.handle(List.of(record(report("t-1", "k-1")), record(report("nobody", "z")))))
                .hasMessageContaining("MongoDB is down");
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void atLeastOneReportGoesToEachCommand() {
        assertThatThrownBy(() -> new UsageIntake(gateway, new Directory(), deadLetters,
                new UsageReportParser(Clock.systemUTC()), 1, 0, new UsageMetrics(new SimpleMeterRegistry())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Decides every report of a batch command: refused with what {@code refusal} gives, else counted. */
    private void answer(Function<BatchedUsageReport, TenantRuleViolation> refusal) {
        when(gateway.send(any())).thenAnswer(call -> {
            RecordUsageBatchCommand command = call.getArgument(0);
            sent.add(command);
            contexts.add(CallContextHolder.current().orElseThrow());
            return CompletableFuture.completedFuture(command.reports().stream().map(report -> {
                TenantRuleViolation refused = refusal.apply(report);
                return refused != null ? new BatchedUsageDecision(null, refused)
                        : new BatchedUsageDecision(outcome(command.tenantId(), report), null);
            }).toList());
        });
    }

    private Stream<BatchedUsageReport> reportsOf(String tenantId) {
        return sent.stream().filter(command -> command.tenantId().equals(tenantId))
                .flatMap(command -> command.reports().stream());
    }

    private static String[] keys(String prefix) {
        return IntStream.rangeClosed(1, 20).mapToObj(i -> prefix + "-" + i).toArray(String[]::new);
    }

    private static UsageOutcome outcome(String tenantId, BatchedUsageReport report) {
        return new UsageOutcome(tenantId, report.resource(), true, report.delta(), report.delta(), 1,
                Quota.of(10), null, false);
    }

    private static String report(String tenantId, String key) {
        return UsageKafkaSupport.report(tenantId, "campaigns", 1, key);
    }

    /** Records of one partition with consecutive offsets, as a poll returns them. */
    private ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>("usage-reports", 0, offsets.getAndIncrement(), null,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static final class Directory implements TenantDirectory {
        @Override
        public Optional<TenantRef> findById(String tenantId) {
            return switch (tenantId) {
                case "t-1", "t-2" -> Optional.of(ref(tenantId, TenantStatus.ACTIVE));
                case "t-gone" -> Optional.of(ref(tenantId, TenantStatus.DELETED));
                default -> Optional.empty();
            };
        }

        @Override
        public Optional<TenantRef> findBySlug(String slug) {
            return Optional.empty();
        }

        @Override
        public Optional<TenantRef> findByVerifiedDomain(String domain) {
            return Optional.empty();
        }

        private static TenantRef ref(String id, TenantStatus status) {
            return new TenantRef(id, id, status, null, Plan.FREE, Set.of());
        }
    }
}
