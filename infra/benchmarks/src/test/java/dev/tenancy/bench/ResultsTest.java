package dev.tenancy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void theMemoryTargetIsReadUnderTheIncrementsLoadAndTheHighestAnywhereIsKept() {
        Results results = new Results(null, 0, null, null, List.of(), null, null, null, null, 0, 0, null, null, null,
                null, List.of(phase(Results.START_UP, 700), phase("store baselines (services idle)", 300),
                        phase(Results.REST_LOAD, 420), phase(Results.KAFKA_LOAD, 460),
                        phase("long stream (history, replay, restart, commands)", 630)));

        assertThat(results.maxRssUnderLoad("command-service")).isEqualTo(460 * MIB);
        assertThat(results.maxRss("command-service")).isEqualTo(630 * MIB);
    }

    @Test
    void theFloorIsReadAgainstTheRawInsert() {
        LatencyStats raw = LatencyStats.of(new long[1000], 0, 10);
        LatencyStats floor = LatencyStats.of(new long[400], 0, 10);
        Results results = new Results(null, 0, null, null, List.of(), null, raw, null, floor, 0, 0, null, null, null,
                null, List.of());

        assertThat(results.floorVsRaw()).isEqualTo(0.4);
    }

    private static PhaseStats phase(String name, long mib) {
        return new PhaseStats(name, 10, Map.of("command-service", mib * MIB), Map.of(), 0);
    }
}
