package dev.tenancy.command.usage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.usage.BatchedUsageReport;
import dev.tenancy.api.usage.RecordUsageBatchCommand;
import dev.tenancy.command.tenant.BatchedUsageDecision;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Decides one batch of the usage-reports topic. Reports of different tenants are decided concurrently, each tenant's
 * in the order of its partition and several to a command, so a tenant's reports cost one aggregate load and one append
 * per command rather than per report. The batch is done only when every report is counted, refused by its limit or
 * dead-lettered. Anything else (MongoDB down, the dead-letter topic unreachable) is thrown, so the batch is not
 * acknowledged and comes again: idempotency keys make the second delivery answer without counting twice.
 */
public class UsageIntake implements DisposableBean {

    public static final String ACTOR = "kafka:usage-reports";
    public static final String CORRELATION_HEADER = "x-correlation-id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Logger log = LoggerFactory.getLogger(UsageIntake.class);
    private static final ObjectReader JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .reader();

    private final CommandGateway commands;
    private final TenantDirectory directory;
    private final UsageDeadLetters deadLetters;
    private final UsageReportParser parser;
    private final ExecutorService executor;
    private final UsageMetrics metrics;
    private final int reportsPerCommand;

    /**
     * {@code threads}: how many tenants' reports are decided at once; {@code reportsPerCommand}: how many of one
     * tenant's reports share a command (one aggregate load, one append).
     */
    public UsageIntake(CommandGateway commands, TenantDirectory directory, UsageDeadLetters deadLetters,
                       UsageReportParser parser, int threads, int reportsPerCommand, UsageMetrics metrics) {
        if (reportsPerCommand < 1) {
            throw new IllegalArgumentException("reportsPerCommand must be at least 1, not " + reportsPerCommand);
        }
        this.reportsPerCommand = reportsPerCommand;
        this.commands = commands;
        this.directory = directory;
        this.deadLetters = deadLetters;
        this.parser = parser;
        this.metrics = metrics;
        AtomicInteger number = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "usage-intake-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    public void handle(List<ConsumerRecord<byte[], byte[]>> records) {
        List<DeadLetter> dead = Collections.synchronizedList(new ArrayList<>());
        Map<String, Optional<TenantRef>> tenants = new HashMap<>();
        Map<String, List<QueuedReport>> byTenant = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            read(record).ifPresentOrElse(report -> {
                Optional<String> refusal = tenants.computeIfAbsent(report.tenantId(), directory::findById)
                        .map(UsageIntake::tenantRefusal).orElse(Optional.of("unknown tenant " + report.tenantId()));
                if (refusal.isPresent()) {
                    dead.add(new DeadLetter(record, refusal.get()));
                } else {
                    byTenant.computeIfAbsent(report.tenantId(), id -> new ArrayList<>())
                            .add(new QueuedReport(record, report));
                }
            }, () -> dead.add(new DeadLetter(record, problem(record))));
        }
        CompletableFuture<?>[] runs = byTenant.values().stream()
                .map(works -> CompletableFuture.runAsync(() -> decideAll(works, dead), executor))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(runs).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        deadLetters.send(dead);
        dead.forEach(letter -> log.warn("Usage report {}-{}@{} dead-lettered: {}", letter.original().topic(),
                letter.original().partition(), letter.original().offset(), letter.reason()));
        metrics.deadLettered(dead.size());
    }

    /** One tenant's reports, in order, {@link #reportsPerCommand} to a command. */
    private void decideAll(List<QueuedReport> works, List<DeadLetter> dead) {
        for (int from = 0; from < works.size(); from += reportsPerCommand) {
            decide(works.subList(from, Math.min(works.size(), from + reportsPerCommand)), dead);
        }
    }

    private void decide(List<QueuedReport> works, List<DeadLetter> dead) {
        List<BatchedUsageReport> reports = works.stream().map(work -> work.report().toBatched(
                correlationId(work.record(), work.report()), requestId(work.record()))).toList();
        BatchedUsageReport first = reports.get(0);
        String tenantId = works.get(0).report().tenantId();
        CallContext context = new CallContext(tenantId, ACTOR, ActorKind.SERVICE, "SERVICE", first.correlationId(),
                first.requestId(), null, null);
        List<BatchedUsageDecision> decisions;
        try {
            decisions = CallContextHolder.callAs(context, () -> commands.<List<BatchedUsageDecision>>send(
                    new RecordUsageBatchCommand(tenantId, reports))).join();
        } catch (CompletionException e) {
            String refusal = UsageRefusals.reason(e.getCause()).orElseThrow(() -> e);
            works.forEach(work -> dead.add(new DeadLetter(work.record(), refusal)));
            return;
        }
        for (int i = 0; i < works.size(); i++) {
            BatchedUsageDecision decision = decisions.get(i);
            if (decision.outcome() != null) {
                metrics.decided(decision.outcome());
            } else {
                dead.add(new DeadLetter(works.get(i).record(), UsageRefusals.reason(decision.refusal()).orElseThrow()));
            }
        }
    }

    private static String requestId(ConsumerRecord<byte[], byte[]> record) {
        return record.topic() + "-" + record.partition() + "-" + record.offset();
    }

    private Optional<UsageReport> read(ConsumerRecord<byte[], byte[]> record) {
        JsonNode node = parse(record.value());
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        return Optional.ofNullable(parser.parseMessage(node).report());
    }

    /** Why {@link #read} found nothing, worked out again only for the few messages that are refused. */
    private String problem(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            return "empty message: a usage report is a JSON object";
        }
        try {
            JsonNode node = JSON.readTree(record.value());
            if (node == null || !node.isObject()) {
                return "not a JSON object";
            }
            return "invalid usage report: " + parser.parseMessage(node).reason();
        } catch (IOException e) {
            return "malformed JSON: " + (e instanceof JsonProcessingException json ? json.getOriginalMessage()
                    : e.getMessage());
        }
    }

    private static JsonNode parse(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<String> tenantRefusal(TenantRef tenant) {
        return tenant.status() == TenantStatus.DELETED
                ? Optional.of("tenant " + tenant.id() + " is deleted") : Optional.empty();
    }

    private static String correlationId(ConsumerRecord<byte[], byte[]> record, UsageReport report) {
        Header header = record.headers().lastHeader(CORRELATION_HEADER);
        String value = header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8);
        if (value != null && SAFE_ID.matcher(value).matches()) {
            return value;
        }
        return report.idempotencyKey();
    }
}
