package dev.tenancy.command.usage;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.usage.RecordUsageCommand;
import dev.tenancy.api.usage.UsageOutcome;
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
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The batch decisions without a broker: what is dead-lettered, what is retried, in which order, as whom. */
class UsageIntakeTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final List<RecordUsageCommand> sent = Collections.synchronizedList(new ArrayList<>());
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
            new UsageReportParser(Clock.systemUTC()), 4, new UsageMetrics(new SimpleMeterRegistry()));

    @AfterEach
    void close() {
        intake.destroy();
        deadLetters.destroy();
    }

    @Test
    void eachTenantsReportsAreSentInOrderAsTheKafkaServiceActor() {
        answerAccepted();
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            batch.add(record(report("t-1", "a-" + i)));
            batch.add(record(report("t-2", "b-" + i)));
        }
        batch.get(0).headers().add(UsageIntake.CORRELATION_HEADER, "corr-1".getBytes(StandardCharsets.UTF_8));

        intake.handle(batch);

        assertThat(deadLettered).isEmpty();
        assertThat(sent.stream().filter(c -> c.tenantId().equals("t-1")).map(RecordUsageCommand::idempotencyKey))
                .containsExactly(keys("a"));
        assertThat(sent.stream().filter(c -> c.tenantId().equals("t-2")).map(RecordUsageCommand::idempotencyKey))
                .containsExactly(keys("b"));
        assertThat(contexts).allSatisfy(context -> {
            assertThat(context.actorId()).isEqualTo(UsageIntake.ACTOR);
            assertThat(context.actorRole()).isEqualTo("SERVICE");
            assertThat(context.requestId()).startsWith("usage-reports-0-");
        });
        assertThat(contexts).extracting(CallContext::correlationId).contains("corr-1", "b-1").doesNotContain("a-1");
    }

    @Test
    void refusalsOfTheRulesAreDeadLetteredAndTheRestIsDecided() {
        when(gateway.send(any())).thenAnswer(call -> {
            RecordUsageCommand command = call.getArgument(0);
            sent.add(command);
            return command.idempotencyKey().equals("bad") ? CompletableFuture.failedFuture(TenantRuleViolation
                    .invalid(Map.of("resource", "apiCallsPerHour is counted by the platform")))
                    : CompletableFuture.completedFuture(outcome(command));
        });

        intake.handle(List.of(record(report("t-1", "bad")), record(report("t-1", "good")),
                record(report("t-gone", "x")), record(report("nobody", "y")),
                record("{\"tenantId\":\"t-1\",\"tenantId\":\"t-2\"}"), record("{} trailing"), record("[]"),
                record(null)));

        assertThat(sent).extracting(RecordUsageCommand::idempotencyKey).containsExactly("bad", "good");
        assertThat(deadLettered).extracting(DeadLetter::reason).satisfiesExactly(
                reason -> assertThat(reason).isEqualTo("tenant t-gone is deleted"),
                reason -> assertThat(reason).isEqualTo("unknown tenant nobody"),
                reason -> assertThat(reason).startsWith("malformed JSON").contains("Duplicate field 'tenantId'"),
                reason -> assertThat(reason).startsWith("malformed JSON"),
                reason -> assertThat(reason).isEqualTo("not a JSON object"),
                reason -> assertThat(reason).isEqualTo("empty message: a usage report is a JSON object"),
                reason -> assertThat(reason).isEqualTo("validation-failed: Invalid fields: resource "
                        + "(resource: apiCallsPerHour is counted by the platform)"));
    }

    @Test
    void anInfrastructureFailureFailsTheBatchSoItIsNotAcknowledged() {
        when(gateway.send(any())).thenReturn(CompletableFuture.failedFuture(
                new IllegalStateException("MongoDB is down")));

        assertThatThrownBy(() -> intake.handle(List.of(record(report("t-1", "k-1")), record(report("nobody", "z")))))
                .hasMessageContaining("MongoDB is down");
        assertThat(deadLettered).isEmpty();
    }

    private void answerAccepted() {
        when(gateway.send(any())).thenAnswer(call -> {
            RecordUsageCommand command = call.getArgument(0);
            sent.add(command);
            contexts.add(CallContextHolder.current().orElseThrow());
            return CompletableFuture.completedFuture(outcome(command));
        });
    }

    private static String[] keys(String prefix) {
        return IntStream.rangeClosed(1, 20).mapToObj(i -> prefix + "-" + i).toArray(String[]::new);
    }

    private static UsageOutcome outcome(RecordUsageCommand command) {
        return new UsageOutcome(command.tenantId(), command.resource(), true, command.delta(), command.delta(), 1,
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
