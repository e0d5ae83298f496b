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
        return new Document("users", quota(limits.users()))
                .append("campaigns", quota(limits.campaigns()))
                .append("messagesPerMonth", quota(limits.messagesPerMonth()))
                .append("telegramAccounts", quota(limits.telegramAccounts()))
                .append("storage", quota(limits.storage()))
                .append("apiCallsPerHour", quota(limits.apiCallsPerHour()))
                .append("webhooks", quota(limits.webhooks()))
                .append("customIntegrations", limits.customIntegrations());
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
        return new Document("users", quota(given.users()))
                .append("campaigns", quota(given.campaigns()))
                .append("messagesPerMonth", quota(given.messagesPerMonth()))
                .append("telegramAccounts", quota(given.telegramAccounts()))
                .append("storage", quota(given.storage()))
                .append("apiCallsPerHour", quota(given.apiCallsPerHour()))
                .append("webhooks", quota(given.webhooks()))
                .append("customIntegrations", given.customIntegrations());
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
