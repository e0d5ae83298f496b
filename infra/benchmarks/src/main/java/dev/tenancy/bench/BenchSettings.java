package dev.tenancy.bench;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What one run measures. Every value has a default, so the benchmark runs with no flags.
 *
 * @param threads         client threads for the REST path and both store baselines
 * @param tenants         tenants the REST and Kafka load is spread over (REST thread i uses tenant i mod tenants)
 * @param warmupSeconds   load that is sent but not measured, before each throughput run
 * @param durationSeconds measured load per throughput run
 * @param kafkaRecords    usage records produced for the Kafka path
 * @param kafkaWarmup     usage records sent through Kafka, and stored, before the measured ones
 * @param longEvents      usage events given to the long-stream tenant
 * @param longCommands    sequential commands timed on each of the long and the short tenant
 * @param longSeed        how the long tenant gets its history: "store" (appended directly, seconds) or "kafka"
 *                        (through the service; as long as the Kafka rate makes it)
 * @param serviceHeap     -Xmx of each service process
 * @param repo            the repository root (services' jars are read from it, the report is written into it)
 * @param report          the Markdown report to write, or null to print only
 */
public record BenchSettings(int threads, int tenants, int warmupSeconds, int durationSeconds, int kafkaRecords,
                            int kafkaWarmup, int longEvents, int longCommands, String longSeed, String serviceHeap, Path repo, Path report) {

    static final int DEFAULT_THREADS = 8;
    /**
     * With 384m the heap of each service grew to its maximum under the batched Kafka load, and the resident set to
     * about 600 MiB; 256m keeps it under the 512 MiB target with room (see docs/benchmarks.md).
     */
    static final String DEFAULT_SERVICE_HEAP = "256m";
    static final int DEFAULT_KAFKA_RECORDS = 6_000;
    /**
     * The REST path is measured after a warm-up; without one the Kafka path was measured while the services' JIT
     * compiled its code (a third of the two cores went to compiler threads in that phase).
     */
    static final int DEFAULT_KAFKA_WARMUP = 3_000;
    /** The size: a tenant with 100,000 usage events against one with ten. */
    static final int DEFAULT_LONG_EVENTS = 100_000;
    /** Long enough for the services' JIT to settle on two cores (5 s measured them still compiling). */
    static final int DEFAULT_WARMUP_SECONDS = 60;
    static final String SEED_STORE = "store";
    static final String SEED_KAFKA = "kafka";

    private static final Set<String> FLAGS = Set.of("threads", "tenants", "warmup", "duration", "kafka-records", "kafka-warmup",
            "long-events",
            "long-commands", "long-seed", "service-heap", "repo", "report");

    /** Reads {@code --name=value} flags; the repository defaults to the nearest parent holding the services. */
    public static BenchSettings parse(String[] args, Path workingDirectory) {
        Map<String, String> flags = CommandLineFlags.parse(args, FLAGS);
        Path repo = flags.containsKey("repo") ? Path.of(flags.get("repo")).toAbsolutePath()
                : RepoLayout.findRoot(workingDirectory.toAbsolutePath());
        String report = flags.getOrDefault("report", repo.resolve("docs/benchmarks.md").toString());
        return new BenchSettings(
                positive(flags, "threads", DEFAULT_THREADS),
                positive(flags, "tenants", 1),
                nonNegative(flags, "warmup", DEFAULT_WARMUP_SECONDS),
                positive(flags, "duration", 20),
                positive(flags, "kafka-records", DEFAULT_KAFKA_RECORDS),
                nonNegative(flags, "kafka-warmup", DEFAULT_KAFKA_WARMUP),
                positive(flags, "long-events", DEFAULT_LONG_EVENTS),
                positive(flags, "long-commands", 200),
                seed(flags.getOrDefault("long-seed", SEED_STORE)),
                flags.getOrDefault("service-heap", DEFAULT_SERVICE_HEAP),
                repo,
                report.isEmpty() || "none".equals(report) ? null : Path.of(report).toAbsolutePath());
    }

    private static String seed(String value) {
        if (!SEED_STORE.equals(value) && !SEED_KAFKA.equals(value)) {
            throw new IllegalArgumentException("--long-seed must be " + SEED_STORE + " or " + SEED_KAFKA);
        }
        return value;
    }

    private static int positive(Map<String, String> flags, String name, int fallback) {
        int value = nonNegative(flags, name, fallback);
        if (value == 0) {
            throw new IllegalArgumentException("--" + name + " must be positive");
        }
        return value;
    }

    private static int nonNegative(Map<String, String> flags, String name, int fallback) {
        String raw = flags.get(name);
        if (raw == null) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got " + raw, e);
        }
        if (value < 0) {
            throw new IllegalArgumentException("--" + name + " must not be negative");
        }
        return value;
    }
}
