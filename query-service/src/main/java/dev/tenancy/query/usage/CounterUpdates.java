package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.UsageThresholdCrossedEvent;
import dev.tenancy.query.tenant.LimitsCodec;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static dev.tenancy.query.usage.UsageDocuments.*;

/** The documents and changes the usage projection writes. */
final class CounterUpdates {

    private CounterUpdates() {
    }

    static Document newCounter(String tenantId, Resource resource, Quota quota) {
        return new Document(TENANT_ID, tenantId)
                .append(RESOURCE, resource.key())
                .append(USED, 0L)
                .append(LIMIT, LimitsCodec.toDocument(quota))
                .append(PERCENT, QuotaMath.exactPercent(quota, 0))
                .append(OVER_LIMIT, false)
                .append(THRESHOLDS, List.of());
    }

    static Quota quota(Document counter) {
        return LimitsCodec.toQuota(counter.get(LIMIT, Document.class));
    }

    /** The counter's amount in use, with what follows from it against {@code quota}. */
    static List<Bson> used(Quota quota, long used) {
        List<Bson> changes = new ArrayList<>();
        changes.add(set(USED, used));
        changes.add(set(PERCENT, QuotaMath.exactPercent(quota, used)));
        changes.add(set(OVER_LIMIT, QuotaMath.overLimit(quota, used)));
        return changes;
    }

    /** One event's share of a day: amounts added, the day's level set by {@code used}. */
    static List<Bson> day(String tenantId, Resource resource, LocalDate date, long consumed, long released,
                          Bson used, Instant periodEnd) {
        List<Bson> changes = new ArrayList<>(List.of(
                setOnInsert(TENANT_ID, tenantId),
                setOnInsert(RESOURCE, resource.key()),
                setOnInsert(DATE, date.toString()),
                inc(CONSUMED, consumed),
                inc(RELEASED, released),
                used));
        if (periodEnd != null) {
            // where the level stops carrying over into the following days of a chart
            changes.add(set(PERIOD_END, date(periodEnd)));
        }
        return changes;
    }

    /**
     * The thresholds reached, with this one: at most one entry per percent and period. An hourly resource keeps only
     * the hour of the event; the other resources' lists are emptied when their period or limits change.
     */
    static List<Document> thresholdsWith(Document counter, UsageThresholdCrossedEvent event, Instant at) {
        Date periodStart = date(event.periodStart());
        List<Document> thresholds = new ArrayList<>(counter.getList(THRESHOLDS, Document.class, List.of()));
        thresholds.removeIf(entry -> (event.resource() == Resource.API_CALLS_PER_HOUR
                && !Objects.equals(entry.getDate(PERIOD_START), periodStart))
                || (entry.getInteger(THRESHOLD_PERCENT) == event.percent()
                && Objects.equals(entry.getDate(PERIOD_START), periodStart)));
        thresholds.add(new Document(THRESHOLD_PERCENT, event.percent())
                .append(THRESHOLD_AT, date(at))
                .append(PERIOD_START, periodStart));
        thresholds.sort(Comparator.comparing((Document entry) -> entry.getInteger(THRESHOLD_PERCENT)));
        return thresholds;
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
