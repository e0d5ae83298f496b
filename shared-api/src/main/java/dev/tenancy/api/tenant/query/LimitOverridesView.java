package dev.tenancy.api.tenant.query;

import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Quota;

/** A tenant's limit overrides as shown; null: as the plan says. */
public record LimitOverridesView(
        Quota users,
        Quota campaigns,
        Quota messagesPerMonth,
        Quota telegramAccounts,
        Quota storage,
        Quota apiCallsPerHour,
        Quota webhooks,
        Boolean customIntegrations) {

    public static LimitOverridesView of(LimitOverrides overrides) {
        return new LimitOverridesView(overrides.users(), overrides.campaigns(), overrides.messagesPerMonth(),
                overrides.telegramAccounts(), overrides.storage(), overrides.apiCallsPerHour(), overrides.webhooks(),
                overrides.customIntegrations());
    }
}
