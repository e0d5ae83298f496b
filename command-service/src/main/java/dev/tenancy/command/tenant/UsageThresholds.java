package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Quota;

import java.util.List;
import java.util.Set;

/**
 * The 80 and 100 percent marks of a limit. One rule for every counted resource, so usage reports, API calls and
 * seats announce thresholds alike; who tracks what was announced already decides how often a mark is announced.
 */
final class UsageThresholds {

    static final List<Integer> PERCENTS = List.of(80, 100);

    private UsageThresholds() {
    }

    /** The marks {@code total} reaches against {@code quota} that are not in {@code announced}; none if unlimited. */
    static List<Integer> newlyReached(long total, Quota quota, Set<Integer> announced) {
        if (quota.unlimited() || quota.max() == 0) {
            return List.of();
        }
        return PERCENTS.stream()
                .filter(percent -> total * 100 >= (long) percent * quota.max() && !announced.contains(percent))
                .toList();
    }
}
