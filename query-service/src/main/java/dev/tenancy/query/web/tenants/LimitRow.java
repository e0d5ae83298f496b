package dev.tenancy.query.web.tenants;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.usage.query.QuotaUsageView;
import dev.tenancy.api.usage.query.TenantUsageView;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One counted resource of a tenant: what it uses, the limit in force, the plan's limit and the superadmin's
 * override (null: the plan's applies).
 */
record LimitRow(String key, String label, Long used, Quota effective, Quota plan, Quota override) {

    static List<LimitRow> of(TenantDetailsView tenant, TenantUsageView usage) {
        Map<String, QuotaUsageView> counted = usage == null ? Map.of() : usage.resources().stream()
                .filter(QuotaUsageView.class::isInstance).map(QuotaUsageView.class::cast)
                .collect(Collectors.toMap(QuotaUsageView::resource, Function.identity(), (a, b) -> a));
        return Arrays.stream(Resource.values()).filter(resource -> resource != Resource.CUSTOM_INTEGRATIONS)
                .map(resource -> new LimitRow(resource.key(), label(resource),
                        counted.containsKey(resource.key()) ? counted.get(resource.key()).used() : null,
                        tenant.limits().quota(resource), tenant.planLimits().quota(resource),
                        override(tenant, resource)))
                .toList();
    }

    public String effectiveText() {
        return text(effective);
    }

    public String planText() {
        return text(plan);
    }

    public String overrideText() {
        return override == null ? "Plan default" : text(override);
    }

    /** The number field's value: the overriding maximum, empty when the plan's limit or unlimited applies. */
    public String overrideMax() {
        return override == null || override.unlimited() ? "" : Long.toString(override.max());
    }

    public boolean overrideUnlimited() {
        return override != null && override.unlimited();
    }

    public boolean over() {
        return used != null && !effective.unlimited() && used > effective.max();
    }

    private static Quota override(TenantDetailsView tenant, Resource resource) {
        var overrides = tenant.limitOverrides();
        if (overrides == null) {
            return null;
        }
        return switch (resource) {
            case USERS -> overrides.users();
            case CAMPAIGNS -> overrides.campaigns();
            case MESSAGES_PER_MONTH -> overrides.messagesPerMonth();
            case TELEGRAM_ACCOUNTS -> overrides.telegramAccounts();
            case STORAGE -> overrides.storage();
            case API_CALLS_PER_HOUR -> overrides.apiCallsPerHour();
            case WEBHOOKS -> overrides.webhooks();
            case CUSTOM_INTEGRATIONS -> null;
        };
    }

    private static String label(Resource resource) {
        return switch (resource) {
            case USERS -> "Users";
            case CAMPAIGNS -> "Campaigns";
            case MESSAGES_PER_MONTH -> "Messages per month";
            case TELEGRAM_ACCOUNTS -> "Telegram accounts";
            case STORAGE -> "Storage";
            case API_CALLS_PER_HOUR -> "API calls per hour";
            case WEBHOOKS -> "Webhooks";
            case CUSTOM_INTEGRATIONS -> "Custom integrations";
        };
    }

    private static String text(Quota quota) {
        return quota.unlimited() ? "Unlimited" : Long.toString(quota.max());
    }
}
