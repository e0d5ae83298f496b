package dev.tenancy.query.usage;

import dev.tenancy.api.usage.query.FindLimitCheckQuery;
import dev.tenancy.api.usage.query.FindTenantUsageQuery;
import dev.tenancy.api.usage.query.FindTopUsageQuery;
import dev.tenancy.api.usage.query.FindUsageHistoryQuery;
import dev.tenancy.api.usage.query.LimitCheckView;
import dev.tenancy.api.usage.query.TenantUsageView;
import dev.tenancy.api.usage.query.TopUsageView;
import dev.tenancy.api.usage.query.UsageHistoryView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the usage queries from the usage read model; null means "no such tenant". */
@Component
public class UsageQueryHandlers {

    private final UsageViews views;
    private final UsageHistory history;
    private final TopUsage top;

    public UsageQueryHandlers(UsageViews views, UsageHistory history, TopUsage top) {
        this.views = views;
        this.history = history;
        this.top = top;
    }

    @QueryHandler
    TenantUsageView handle(FindTenantUsageQuery query) {
        return views.view(query.tenantId()).orElse(null);
    }

    @QueryHandler
    UsageHistoryView handle(FindUsageHistoryQuery query) {
        return history.history(query);
    }

    @QueryHandler
    LimitCheckView handle(FindLimitCheckQuery query) {
        return views.check(query.tenantId(), query.resource(), query.amount()).orElse(null);
    }

    @QueryHandler
    TopUsageView handle(FindTopUsageQuery query) {
        return top.top(query);
    }
}
