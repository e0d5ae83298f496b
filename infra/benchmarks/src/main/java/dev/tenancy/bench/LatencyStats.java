package dev.tenancy.bench;

import java.util.Arrays;

/**
 * Throughput and latency of one measured run.
 *
 * @param operations operations completed inside the measured window
 * @param errors     operations that failed inside the window (not counted in the throughput)
 * @param seconds    length of the measured window
 * @param p50Millis  median latency
 * @param p95Millis  95th percentile latency
 * @param p99Millis  99th percentile latency
 * @param maxMillis  slowest operation
 */
public record LatencyStats(long operations, long errors, double seconds, double p50Millis, double p95Millis,
                           double p99Millis, double maxMillis) {

    /** Exact percentiles from every recorded latency (nearest-rank); {@code latenciesNanos} is sorted in place. */
    public static LatencyStats of(long[] latenciesNanos, long errors, double seconds) {
        Arrays.sort(latenciesNanos);
        return new LatencyStats(latenciesNanos.length, errors, seconds,
                millis(percentile(latenciesNanos, 50)), millis(percentile(latenciesNanos, 95)),
                millis(percentile(latenciesNanos, 99)),
                millis(latenciesNanos.length == 0 ? 0 : latenciesNanos[latenciesNanos.length - 1]));
    }

    /** Nearest-rank percentile of sorted values: the smallest value with at least {@code p}% of values at or below it. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public double perSecond() {
        return seconds <= 0 ? 0 : operations / seconds;
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
