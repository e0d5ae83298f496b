package dev.tenancy.query.usage;

import dev.tenancy.api.plan.Quota;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** What a used amount means against a quota; shared by the projection and every answer, so they agree. */
final class QuotaMath {

    static final List<Integer> THRESHOLDS = List.of(80, 100);

    private QuotaMath() {
    }

    static boolean overLimit(Quota quota, long used) {
        return !quota.unlimited() && used > quota.max();
    }

    /** The share used, unrounded; null when it has no meaning (unlimited, or a limit of 0). */
    static Double exactPercent(Quota quota, long used) {
        if (quota.unlimited() || quota.max() == 0) {
            return null;
        }
        return used * 100.0 / quota.max();
    }

    /** The share used to one decimal, half up; null when it has no meaning. */
    static Double percent(Quota quota, long used) {
        if (quota.unlimited() || quota.max() == 0) {
            return null;
        }
        return BigDecimal.valueOf(used).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(quota.max()), 1, RoundingMode.HALF_UP).doubleValue();
    }

    /** Whether {@code amount} more fits; written so that no amount can overflow into "fits". */
    static boolean allows(Quota quota, long used, long amount) {
        return quota.unlimited() || amount <= quota.max() - used;
    }

    static Long remaining(Quota quota, long used) {
        return quota.unlimited() ? null : Math.max(0, quota.max() - used);
    }

    /** The thresholds {@code used} has reached, as the command side counts them ({@code used * 100 >= p * max}). */
    static List<Integer> reached(Quota quota, long used) {
        if (quota.unlimited() || quota.max() == 0) {
            return List.of();
        }
        return THRESHOLDS.stream().filter(percent -> used * 100 >= (long) percent * quota.max()).toList();
    }
}
