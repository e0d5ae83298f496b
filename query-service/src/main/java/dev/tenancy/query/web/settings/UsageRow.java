package dev.tenancy.query.web.settings;

import dev.tenancy.api.usage.query.QuotaUsageView;
import dev.tenancy.api.usage.query.ResourceUsage;
import dev.tenancy.api.usage.query.SwitchUsageView;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One resource of the usage page, in words: amounts in the resource's unit (storage in bytes, shown in binary
 * units), the meter's width and level, and the warning a person reads (colour alone says nothing to everybody).
 *
 * @param level {@code ""}, {@code "warn"} from 80 % or {@code "full"} from 100 %, the {@code .meter} modifier
 */
public record UsageRow(String resource, String label, boolean isSwitch, boolean enabled, String used, String limit,
                       boolean unlimited, Double percent, String remaining, double meterWidth, String level,
                       String warning, Instant periodStart, Instant periodEnd) {

    static final int WARN_AT = 80;
    static final int FULL_AT = 100;
    private static final Map<String, String> LABELS = Map.of(
            "users", "Users", "campaigns", "Campaigns", "messagesPerMonth", "Messages this month",
            "telegramAccounts", "Telegram accounts", "storage", "Storage", "apiCallsPerHour", "API calls this hour",
            "webhooks", "Webhooks", "customIntegrations", "Custom integrations");
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

    static UsageRow of(ResourceUsage usage) {
        String label = label(usage.resource());
        if (usage instanceof SwitchUsageView flag) {
            return new UsageRow(flag.resource(), label, true, flag.enabled(), null, null, false, null, null, 0, "",
                    null, null, null);
        }
        QuotaUsageView quota = (QuotaUsageView) usage;
        boolean bytes = quota.resource().equals("storage");
        Double percent = quota.percent();
        boolean full = quota.overLimit() || percent != null && percent >= FULL_AT
                || !quota.unlimited() && quota.limit().max() != null && quota.used() >= quota.limit().max();
        boolean warn = !full && percent != null && percent >= WARN_AT;
        String warning = full ? label + " has reached its limit: further use is refused until some is released "
                + "or the plan allows more."
                : warn ? label + " is at " + format(percent) + "% of its limit." : null;
        double width = quota.unlimited() ? 0 : full ? 100 : percent == null ? 0 : Math.min(100, percent);
        return new UsageRow(quota.resource(), label, false, false, amount(quota.used(), bytes),
                quota.unlimited() ? "unlimited" : amount(quota.limit().max(), bytes), quota.unlimited(), percent,
                quota.remaining() == null ? null : amount(quota.remaining(), bytes), width,
                full ? "full" : warn ? "warn" : "", warning, quota.periodStart(), quota.periodEnd());
    }

    static String label(String resource) {
        return LABELS.getOrDefault(resource, resource);
    }

    /** The percent as shown: one decimal, none when whole. */
    public String percentText() {
        return percent == null ? null : format(percent) + "%";
    }

    static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String amount(long value, boolean bytes) {
        return bytes ? humanBytes(value) : String.format(Locale.ROOT, "%,d", value);
    }

    static String humanBytes(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : format(Math.round(value * 10) / 10.0) + " " + UNITS[unit];
    }
}
