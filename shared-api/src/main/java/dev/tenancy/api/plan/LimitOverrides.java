package dev.tenancy.api.plan;

/**
 * Per-tenant exceptions to the plan's limits, set by a superadmin. A null field means "as the plan says"; the whole
 * record replaces the previous overrides, so clearing one means sending it as null.
 */
public record LimitOverrides(
        Quota users,
        Quota campaigns,
        Quota messagesPerMonth,
        Quota telegramAccounts,
        Quota storage,
        Quota apiCallsPerHour,
        Quota webhooks,
        Boolean customIntegrations) {

    public static LimitOverrides none() {
        return new LimitOverrides(null, null, null, null, null, null, null, null);
    }

    public boolean noneSet() {
        return equals(none());
    }

    /** The limits in force: the plan's, with each override in its place. */
    public Limits applyTo(Limits plan) {
        return new Limits(
                pick(users, plan.users()),
                pick(campaigns, plan.campaigns()),
                pick(messagesPerMonth, plan.messagesPerMonth()),
                pick(telegramAccounts, plan.telegramAccounts()),
                pick(storage, plan.storage()),
                pick(apiCallsPerHour, plan.apiCallsPerHour()),
                pick(webhooks, plan.webhooks()),
                customIntegrations != null ? customIntegrations : plan.customIntegrations());
    }

    private static Quota pick(Quota override, Quota plan) {
        return override != null ? override : plan;
    }
}
