package dev.tenancy.bench;

import java.util.Map;

/**
 * What the processes did during one phase of the run.
 *
 * @param seconds           wall time of the phase
 * @param maxRssBytes       highest resident set size per service
 * @param cpuSeconds        CPU time per process: each service, and "benchmark" (this JVM: the store, the broker and
 *                          the load clients)
 * @param machineCpuSeconds CPU time the whole machine spent busy; what the processes above did not use went to
 *                          other programs on the machine
 */
record PhaseStats(String name, double seconds, Map<String, Long> maxRssBytes, Map<String, Double> cpuSeconds,
                  double machineCpuSeconds) {

    static final String BENCHMARK = "benchmark";

    /** CPU used by programs outside the benchmark, in cores on average over the phase. */
    double otherCores() {
        double ours = cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
        return seconds <= 0 ? 0 : Math.max(0, machineCpuSeconds - ours) / seconds;
    }

    double cores(String process) {
        return seconds <= 0 ? 0 : cpuSeconds.getOrDefault(process, 0.0) / seconds;
    }
}
