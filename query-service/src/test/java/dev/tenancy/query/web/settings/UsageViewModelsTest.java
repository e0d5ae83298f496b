package dev.tenancy.query.web.settings;

import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.usage.query.QuotaUsageView;
import dev.tenancy.api.usage.query.SwitchUsageView;
import dev.tenancy.api.usage.query.UsageDayView;
import dev.tenancy.api.usage.query.UsageHistoryView;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Usage page shows of the REST views: levels, warnings in words, units, the chart's geometry. */
class UsageViewModelsTest {

    @Test
    void belowEightyPercentIsPlain() {
        UsageRow row = UsageRow.of(counted("campaigns", 39, Quota.of(50), 78.0));

        assertThat(row.level()).isEmpty();
        assertThat(row.warning()).isNull();
        assertThat(row.percentText()).isEqualTo("78%");
        assertThat(row.remaining()).isEqualTo("11");
    }

    @Test
    void eightyPercentWarnsInWords() {
        UsageRow row = UsageRow.of(counted("campaigns", 40, Quota.of(50), 80.0));

        assertThat(row.level()).isEqualTo("warn");
        assertThat(row.warning()).isEqualTo("Campaigns is at 80% of its limit.");
        assertThat(row.meterWidth()).isEqualTo(80.0);
    }

    @Test
    void aFullOrExceededLimitSaysSoAndTheMeterStopsAtItsEnd() {
        UsageRow full = UsageRow.of(counted("campaigns", 50, Quota.of(50), 100.0));
        UsageRow over = UsageRow.of(counted("users", 7, Quota.of(5), 140.0));
        UsageRow zero = UsageRow.of(counted("webhooks", 0, Quota.of(0), null));

        assertThat(full.level()).isEqualTo("full");
        assertThat(full.warning()).contains("reached its limit");
        assertThat(over.level()).isEqualTo("full");
        assertThat(over.meterWidth()).isEqualTo(100.0);
        assertThat(over.percentText()).isEqualTo("140%");
        assertThat(zero.level()).as("a limit of 0 is full").isEqualTo("full");
    }

    @Test
    void unlimitedHasNoMeterAndStorageReadsInBinaryUnits() {
        UsageRow unlimited = UsageRow.of(new QuotaUsageView("users", 3, Quota.unlimitedQuota(), true, null, null,
                null, null, false, List.of()));
        UsageRow storage = UsageRow.of(counted("storage", 1536L * 1024 * 1024, Quota.of(5L << 30), 30.0));

        assertThat(unlimited.limit()).isEqualTo("unlimited");
        assertThat(unlimited.meterWidth()).isZero();
        assertThat(unlimited.level()).isEmpty();
        assertThat(storage.used()).isEqualTo("1.5 GiB");
        assertThat(storage.limit()).isEqualTo("5 GiB");
        assertThat(UsageRow.humanBytes(512)).isEqualTo("512 B");
        assertThat(UsageRow.humanBytes(500L * 1024 * 1024)).isEqualTo("500 MiB");
    }

    @Test
    void aSwitchIsOnOrOff() {
        UsageRow row = UsageRow.of(new SwitchUsageView("customIntegrations", true));

        assertThat(row.isSwitch()).isTrue();
        assertThat(row.enabled()).isTrue();
        assertThat(row.label()).isEqualTo("Custom integrations");
    }

    @Test
    void theChartScalesToTheHighestDayAndMarksToday() {
        LocalDate today = LocalDate.of(2025, 5, 3);
        UsageChart chart = UsageChart.of(new UsageHistoryView("campaigns", today.minusDays(2), today, List.of(
                new UsageDayView(today.minusDays(2), 0, 0, 0),
                new UsageDayView(today.minusDays(1), 10, 0, 10),
                new UsageDayView(today, 40, 0, 50))), today);

        assertThat(chart.bars()).extracting(UsageChart.Bar::height).containsExactly(0, 24, 120);
        assertThat(chart.bars()).extracting(UsageChart.Bar::x).containsExactly(0, 12, 24);
        assertThat(chart.bars()).extracting(UsageChart.Bar::today).containsExactly(false, false, true);
        assertThat(chart.bars().get(2).y()).isZero();
        assertThat(chart.width()).as("room for a month").isEqualTo(31 * 12);
        assertThat(chart.description()).isEqualTo(
                "Campaigns in use at the end of each day from 2025-05-01 to 2025-05-03; highest 50; today 50.");
    }

    private static QuotaUsageView counted(String resource, long used, Quota limit, Double percent) {
        Long remaining = Math.max(0, limit.max() - used);
        return new QuotaUsageView(resource, used, limit, false, remaining, percent, null, null,
                used > limit.max(), List.of());
    }
}
