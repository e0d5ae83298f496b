package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.usage.UsagePeriod;
import dev.tenancy.api.usage.query.LimitCheckView;
import dev.tenancy.api.usage.query.QuotaUsageView;
import dev.tenancy.api.usage.query.ResourceUsage;
import dev.tenancy.api.usage.query.SwitchUsageView;
import dev.tenancy.api.usage.query.TenantUsageView;
import dev.tenancy.query.tenant.LimitsCodec;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.tenancy.query.usage.UsageDocuments.*;

/**
 * A tenant's usage as it stands now. A monthly period whose end has passed counts as over, with nothing used, even
 * before its reset event arrives (the command side resets it the same way before its next decision); the current
 * hour of API calls is read from the platform's live counter.
 */
@Component
public class UsageViews {

    private final UsageStore store;
    private final ApiCallCounters apiCalls;
    private final Clock clock;

    public UsageViews(UsageStore store, ApiCallCounters apiCalls, ObjectProvider<Clock> clock) {
        this.store = store;
        this.apiCalls = apiCalls;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    Optional<TenantUsageView> view(String tenantId) {
        return store.tenant(TenantId.of(tenantId)).map(tenant -> {
            Limits limits = limits(tenant);
            Map<Resource, Document> counters = store.counters(TenantId.of(tenantId));
            Instant now = clock.instant();
            List<ResourceUsage> resources = new ArrayList<>();
            for (Resource resource : Resource.values()) {
                resources.add(resource == Resource.CUSTOM_INTEGRATIONS
                        ? new SwitchUsageView(resource.key(), limits.customIntegrations())
                        : usage(tenant, resource, limits.quota(resource), counters.get(resource), now));
            }
            return new TenantUsageView(tenantId, List.copyOf(resources), number(tenant.get(VERSION)));
        });
    }

    /** Advisory: answers from the read model; the command that records the usage decides. Deleted: empty. */
    Optional<LimitCheckView> check(String tenantId, Resource resource, long amount) {
        return store.tenant(TenantId.of(tenantId))
                .filter(tenant -> !TenantStatus.DELETED.name().equals(tenant.getString(STATUS)))
                .map(tenant -> {
                    boolean suspended = TenantStatus.SUSPENDED.name().equals(tenant.getString(STATUS));
                    Limits limits = limits(tenant);
                    if (resource == Resource.CUSTOM_INTEGRATIONS) {
                        String reason = suspended ? "tenant-suspended"
                                : limits.customIntegrations() ? null : "feature-not-available";
                        return new LimitCheckView(resource.key(), amount, reason == null, null, null, null, reason);
                    }
                    Document counter = store.counters(TenantId.of(tenantId)).get(resource);
                    QuotaUsageView usage = usage(tenant, resource, limits.quota(resource), counter, clock.instant());
                    String reason = suspended ? "tenant-suspended"
                            : QuotaMath.allows(usage.limit(), usage.used(), amount) ? null : "limit-exceeded";
                    return new LimitCheckView(resource.key(), amount, reason == null, usage.used(), usage.limit(),
                            usage.remaining(), reason);
                });
    }

    private QuotaUsageView usage(Document tenant, Resource resource, Quota quota, Document counter, Instant now) {
        long stored = counter == null ? 0 : number(counter.get(USED));
        return switch (resource) {
            case API_CALLS_PER_HOUR -> {
                Instant hour = ApiCallCounters.hourOf(now);
                long used = apiCalls.count(TenantId.of(tenant.getString(TENANT_ID)), hour);
                yield view(resource, quota, used, hour, hour.plus(Duration.ofHours(1)), QuotaMath.reached(quota, used));
            }
            case MESSAGES_PER_MONTH -> {
                Instant start = instant(counter, PERIOD_START);
                Instant end = instant(counter, PERIOD_END);
                if (end == null || !now.isBefore(end)) {
                    UsagePeriod current = UsagePeriod.containing(instant(tenant, CREATED_AT), zone(tenant), now);
                    yield view(resource, quota, 0, current.start(), current.end(), List.of());
                }
                yield view(resource, quota, stored, start, end, thresholds(counter, start));
            }
            default -> view(resource, quota, stored, null, null, thresholds(counter, null));
        };
    }

    private static QuotaUsageView view(Resource resource, Quota quota, long used, Instant periodStart,
                                       Instant periodEnd, List<Integer> thresholds) {
        return new QuotaUsageView(resource.key(), used, quota, quota.unlimited(), QuotaMath.remaining(quota, used),
                QuotaMath.percent(quota, used), periodStart, periodEnd, QuotaMath.overLimit(quota, used),
                thresholds);
    }

    /** The percents reached in the period starting at {@code periodStart}; any period for a gauge (null). */
    private static List<Integer> thresholds(Document counter, Instant periodStart) {
        if (counter == null) {
            return List.of();
        }
        return counter.getList(THRESHOLDS, Document.class, List.of()).stream()
                .filter(entry -> periodStart == null
                        || Objects.equals(entry.getDate(PERIOD_START), Date.from(periodStart)))
                .map(entry -> entry.getInteger(THRESHOLD_PERCENT))
                .distinct().sorted().toList();
    }

    static Limits limits(Document tenant) {
        return LimitsCodec.toLimits(tenant.get(LIMITS, Document.class));
    }

    /** A zone the command side accepted but this JVM does not know falls back to the default rather than fail. */
    private static ZoneId zone(Document tenant) {
        String zone = tenant.getString(TIMEZONE);
        if (zone != null) {
            try {
                return ZoneId.of(zone);
            } catch (DateTimeException e) {
                // falls through to the default below
            }
        }
        return ZoneId.of(UsageProjection.DEFAULT_ZONE);
    }

    private static Instant instant(Document document, String field) {
        Date date = document == null ? null : document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
