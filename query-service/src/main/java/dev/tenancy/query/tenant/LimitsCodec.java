package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Quota;
import org.bson.Document;

/** Limits, quotas and limit overrides as stored in read-model documents; an absent override is stored as null. */
public final class LimitsCodec {

    private LimitsCodec() {
    }

    public static Document toDocument(Limits limits) {
        return document(limits.users(), limits.campaigns(), limits.messagesPerMonth(), limits.telegramAccounts(),
                limits.storage(), limits.apiCallsPerHour(), limits.webhooks(), limits.customIntegrations());
    }

    public static Limits toLimits(Document document) {
        return new Limits(
                quota(document, "users"),
                quota(document, "campaigns"),
                quota(document, "messagesPerMonth"),
                quota(document, "telegramAccounts"),
                quota(document, "storage"),
                quota(document, "apiCallsPerHour"),
                quota(document, "webhooks"),
                document.getBoolean("customIntegrations"));
    }

    static Document toDocument(LimitOverrides overrides) {
        LimitOverrides given = overrides == null ? LimitOverrides.none() : overrides;
        return document(given.users(), given.campaigns(), given.messagesPerMonth(), given.telegramAccounts(),
                given.storage(), given.apiCallsPerHour(), given.webhooks(), given.customIntegrations());
    }

    /** Limits and overrides share one stored shape; an override left to the plan is stored as null. */
    private static Document document(Quota users, Quota campaigns, Quota messagesPerMonth, Quota telegramAccounts,
                                     Quota storage, Quota apiCallsPerHour, Quota webhooks,
                                     Boolean customIntegrations) {
        return new Document("users", quota(users))
                .append("campaigns", quota(campaigns))
                .append("messagesPerMonth", quota(messagesPerMonth))
                .append("telegramAccounts", quota(telegramAccounts))
                .append("storage", quota(storage))
                .append("apiCallsPerHour", quota(apiCallsPerHour))
                .append("webhooks", quota(webhooks))
                .append("customIntegrations", customIntegrations);
    }

    static LimitOverrides toOverrides(Document document) {
        if (document == null) {
            return LimitOverrides.none();
        }
        return new LimitOverrides(
                quota(document, "users"),
                quota(document, "campaigns"),
                quota(document, "messagesPerMonth"),
                quota(document, "telegramAccounts"),
                quota(document, "storage"),
                quota(document, "apiCallsPerHour"),
                quota(document, "webhooks"),
                document.getBoolean("customIntegrations"));
    }

    public static Document toDocument(Quota quota) {
        return quota(quota);
    }

    public static Quota toQuota(Document document) {
        return quota(new Document("quota", document), "quota");
    }

    private static Document quota(Quota quota) {
        return quota == null ? null : new Document("unlimited", quota.unlimited()).append("max", quota.max());
    }

    private static Quota quota(Document parent, String name) {
        Document quota = parent.get(name, Document.class);
        if (quota == null) {
            return null;
        }
        Object max = quota.get("max");
        return new Quota(quota.getBoolean("unlimited"), max == null ? null : ((Number) max).longValue());
    }
}
