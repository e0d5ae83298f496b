package dev.tenancy.api.plan;

import java.util.Objects;

/**
 * A tenant's limits. Events carry the limits in force when they were decided, so replaying history gives the same
 * answer even after the plan catalog changes.
 */
public record Limits(
        Quota users,
        Quota campaigns,
        Quota messagesPerMonth,
        Quota telegramAccounts,
        Quota storage,
        Quota apiCallsPerHour,
        Quota webhooks,
        boolean customIntegrations) {

    public Limits {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(campaigns, "campaigns");
        Objects.requireNonNull(messagesPerMonth, "messagesPerMonth");
        Objects.requireNonNull(telegramAccounts, "telegramAccounts");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(apiCallsPerHour, "apiCallsPerHour");
        Objects.requireNonNull(webhooks, "webhooks");
    }

    /** The numeric quota of a resource; customIntegrations is a switch and has none. */
    public Quota quota(Resource resource) {
        return switch (resource) {
            case USERS -> users;
            case CAMPAIGNS -> campaigns;
            case MESSAGES_PER_MONTH -> messagesPerMonth;
            case TELEGRAM_ACCOUNTS -> telegramAccounts;
            case STORAGE -> storage;
            case API_CALLS_PER_HOUR -> apiCallsPerHour;
            case WEBHOOKS -> webhooks;
            case CUSTOM_INTEGRATIONS -> throw new IllegalArgumentException("customIntegrations is a switch, not a quota");
        };
    }
}
