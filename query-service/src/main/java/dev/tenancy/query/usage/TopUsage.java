package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.api.usage.query.FindTopUsageQuery;
import dev.tenancy.api.usage.query.TopUsageItem;
import dev.tenancy.api.usage.query.TopUsageView;
import dev.tenancy.query.tenant.TenantViewRepository;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.tenancy.query.usage.UsageDocuments.*;

/**
 * The superadmin's top list: tenants by the share of a finite, non-zero limit they use, now. Ranked in memory over
 * one small counter per tenant, with the same "now" as a tenant's own usage: a passed monthly period counts as
 * empty, and apiCallsPerHour is the current hour's live count. Deleted tenants are left out.
 */
@Component
public class TopUsage {

    private final UsageStore store;
    private final ApiCallCounters apiCalls;
    private final TenantViewRepository tenants;
    private final Clock clock;

    public TopUsage(UsageStore store, ApiCallCounters apiCalls, TenantViewRepository tenants,
                    ObjectProvider<Clock> clock) {
        this.store = store;
        this.apiCalls = apiCalls;
        this.tenants = tenants;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    TopUsageView top(FindTopUsageQuery query) {
        Resource resource = query.resource();
        Instant now = clock.instant();
        Map<String, Long> live = resource == Resource.API_CALLS_PER_HOUR
                ? apiCalls.countsOfAllTenants(ApiCallCounters.hourOf(now)) : Map.of();
        List<TopCandidate> candidates = new ArrayList<>();
        for (Document counter : store.countersOfAllTenants(resource)) {
            Quota quota = CounterUpdates.quota(counter);
            if (quota.unlimited() || quota.max() == 0) {
                continue;
            }
            String tenantId = counter.getString(TENANT_ID);
            long used = switch (resource) {
                case API_CALLS_PER_HOUR -> live.getOrDefault(tenantId, 0L);
                case MESSAGES_PER_MONTH -> periodOver(counter, now) ? 0 : number(counter.get(USED));
                default -> number(counter.get(USED));
            };
            candidates.add(new TopCandidate(tenantId, used, quota, QuotaMath.exactPercent(quota, used)));
        }
        candidates.sort(TopCandidate.RANKING);
        List<TopUsageItem> items = new ArrayList<>();
        Iterator<TopCandidate> ranked = candidates.iterator();
        while (items.size() < query.limit() && ranked.hasNext()) {
            TopCandidate candidate = ranked.next();
            tenants.find(TenantId.of(candidate.tenantId()))
                    .filter(tenant -> tenant.status() != TenantStatus.DELETED)
                    .ifPresent(tenant -> items.add(item(candidate, tenant)));
        }
        return new TopUsageView(resource.key(), List.copyOf(items));
    }

    private static TopUsageItem item(TopCandidate candidate, TenantView tenant) {
        return new TopUsageItem(candidate.tenantId(), tenant.slug(), tenant.name(), tenant.plan(), candidate.used(),
                candidate.limit(), QuotaMath.percent(candidate.limit(), candidate.used()));
    }

    private static boolean periodOver(Document counter, Instant now) {
        Date end = counter.getDate(PERIOD_END);
        return end == null || !now.isBefore(end.toInstant());
    }
}
