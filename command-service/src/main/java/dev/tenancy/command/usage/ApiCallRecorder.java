package dev.tenancy.command.usage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.tenancy.api.usage.RecordApiCallsCommand;
import dev.tenancy.command.tenant.TenantRuleViolation;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static dev.tenancy.platform.ratelimit.MongoApiCallCounterStore.COLLECTION;
import static dev.tenancy.platform.ratelimit.MongoApiCallCounterStore.COUNT;
import static dev.tenancy.platform.ratelimit.MongoApiCallCounterStore.HOUR_START;
import static dev.tenancy.platform.ratelimit.MongoApiCallCounterStore.RECORDED;
import static dev.tenancy.platform.ratelimit.MongoApiCallCounterStore.TENANT_ID;

/**
 * Turns each closed hour of the shared API call counters (written by every instance of both services) into one
 * {@code RecordApiCallsCommand}, so the event store gets one ApiCallsRecordedEvent per tenant and hour rather than
 * one per call. An hour is closed once it ended more than {@code record-grace} ago, leaving the instances time to
 * sync their last calls. The counter is marked recorded after the command succeeded; if marking fails the hour is
 * sent again next round, which the aggregate ignores (idempotent per hour).
 */
@Component
public class ApiCallRecorder {

    private static final Logger log = LoggerFactory.getLogger(ApiCallRecorder.class);
    private static final Duration HOUR = Duration.ofHours(1);
    /** Recorded counters are kept a while for support questions, then deleted. */
    private static final Duration KEEP_RECORDED = Duration.ofDays(35);
    private static final int BATCH = 1_000;

    private final MongoCollection<Document> counters;
    private final ApiCallRecorderLease lease;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration grace;
    private final String service;

    public ApiCallRecorder(MongoClient client, CommandGateway commands, Clock clock,
            @Value("${tenancy.rate-limit.database}") String database,
            @Value("${tenancy.rate-limit.record-grace}") Duration grace,
            @Value("${tenancy.rate-limit.record-lease}") Duration leaseDuration,
            @Value("${spring.application.name}") String service) {
        this.counters = client.getDatabase(database).getCollection(COLLECTION);
        this.counters.createIndex(Indexes.ascending(RECORDED, HOUR_START));
        this.lease = new ApiCallRecorderLease(client.getDatabase(database).getCollection("leases"),
                service + "/" + UUID.randomUUID(), leaseDuration);
        this.commands = commands;
        this.clock = clock;
        this.grace = grace;
        this.service = service;
    }

    @Scheduled(fixedDelayString = "${tenancy.rate-limit.record-interval}",
            initialDelayString = "${tenancy.rate-limit.record-interval}")
    public void scheduled() {
        try {
            recordClosedHours();
        } catch (RuntimeException e) {
            CallContextHolder.Mdc.service(service);
            log.warn("Recording API call hours failed; trying again at the next interval: {}", e.toString());
        }
    }

    /** One round: answers how many counters it settled, or -1 when another instance holds the lease. */
    public synchronized int recordClosedHours() {
        Instant now = clock.instant();
        if (!lease.acquire(now)) {
            return -1;
        }
        List<Document> closed = counters.find(Filters.and(Filters.ne(RECORDED, true),
                        Filters.lt(HOUR_START, Date.from(now.minus(HOUR).minus(grace)))))
                .sort(Sorts.ascending(HOUR_START)).limit(BATCH).into(new ArrayList<>());
        int settled = 0;
        for (Document counter : closed) {
            if (record(counter)) {
                counters.updateOne(Filters.eq("_id", counter.get("_id")),
                        Updates.combine(Updates.set(RECORDED, true), Updates.set("recordedAt", Date.from(now))));
                settled++;
            }
        }
        counters.deleteMany(Filters.and(Filters.eq(RECORDED, true),
                Filters.lt(HOUR_START, Date.from(now.minus(KEEP_RECORDED)))));
        return settled;
    }

    /** Whether the counter is settled: recorded, or its tenant no longer exists. */
    private boolean record(Document counter) {
        String tenantId = counter.getString(TENANT_ID);
        Instant hourStart = counter.getDate(HOUR_START).toInstant();
        long count = ((Number) counter.get(COUNT)).longValue();
        try {
            CallContextHolder.callAs(CallContext.system(tenantId), () -> {
                CallContextHolder.Mdc.service(service);
                return commands.sendAndWait(new RecordApiCallsCommand(tenantId, hourStart, count));
            });
            return true;
        } catch (RuntimeException e) {
            CallContextHolder.Mdc.service(service);
            if (tenantGone(e)) {
                log.info("Tenant {} no longer exists; its {} API calls of the hour from {} are not recorded",
                        tenantId, count, hourStart);
                return true;
            }
            log.warn("Recording {} API calls of tenant {} for the hour from {} failed; trying again next round: {}",
                    count, tenantId, hourStart, e.toString());
            return false;
        }
    }

    private static boolean tenantGone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AggregateNotFoundException || cause instanceof TenantRuleViolation violation
                    && "tenant-not-found".equals(violation.code())) {
                return true;
            }
        }
        return false;
    }
}
