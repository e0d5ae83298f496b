package dev.tenancy.bench;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyStatsTest {

    @Test
    void nearestRankPercentilesOfOneToHundred() {
        long[] sorted = LongStream.rangeClosed(1, 100).toArray();

        assertThat(LatencyStats.percentile(sorted, 50)).isEqualTo(50);
        assertThat(LatencyStats.percentile(sorted, 99)).isEqualTo(99);
        assertThat(LatencyStats.percentile(sorted, 99.5)).isEqualTo(100);
        assertThat(LatencyStats.percentile(sorted, 100)).isEqualTo(100);
        assertThat(LatencyStats.percentile(sorted, 0.5)).isEqualTo(1);
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        long[] sorted = {10, 20, 30};

        assertThat(LatencyStats.percentile(sorted, 50)).isEqualTo(20);
        assertThat(LatencyStats.percentile(sorted, 99)).isEqualTo(30);
        assertThat(LatencyStats.percentile(new long[0], 99)).isZero();
    }

    @Test
    void statsSortTheirInputAndReportMillisecondsAndRate() {
        long[] nanos = {3_000_000, 1_000_000, 2_000_000, 4_000_000};

        LatencyStats stats = LatencyStats.of(nanos, 1, 2.0);

        assertThat(stats.operations()).isEqualTo(4);
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(stats.perSecond()).isEqualTo(2.0);
        assertThat(stats.p50Millis()).isEqualTo(2.0);
        assertThat(stats.p99Millis()).isEqualTo(4.0);
        assertThat(stats.maxMillis()).isEqualTo(4.0);
    }

    @Test
    void percentileOutsideTheRangeIsRefused() {
        assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyStats.percentile(new long[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
