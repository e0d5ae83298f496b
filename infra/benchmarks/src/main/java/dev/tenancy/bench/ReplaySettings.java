package dev.tenancy.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one replay benchmark run measures. Every value has a default, so it runs with no flags.
 *
 * @param events      events seeded into the store before the rebuilds (spread over {@code tenants})
 * @param tenants     tenants the seeded history belongs to
 * @param spacingMillis time between two seeded events (their density decides the size of axon-mongo's tokens)
 * @param fetchSizes  events per store query tried for the usage projection (pooled processor, one segment)
 * @param batchSizes  events per unit of work tried for the usage projection
 * @param segments    segment counts tried for the usage projection, with both kinds of processor
 * @param processorAlone whether to time the processor without the bulk pass too (slow on long histories)
 * @param serviceHeap -Xmx of each service process
 * @param repo        the repository root
 * @param report      the Markdown report whose replay section is rewritten, or null to print only
 */
record ReplaySettings(int events, int tenants, int spacingMillis, List<Integer> fetchSizes,
                      List<Integer> batchSizes, List<Integer> segments, boolean processorAlone, String serviceHeap,
                      Path repo, Path report) {

    private static final Set<String> FLAGS = Set.of("events", "tenants", "spacing-ms", "fetch-sizes", "batch-sizes", "segments",
            "processor-alone", "service-heap", "repo", "report");

    static ReplaySettings parse(String[] args, Path workingDirectory) {
        Map<String, String> flags = CommandLineFlags.parse(args, FLAGS);
        Path repo = flags.containsKey("repo") ? Path.of(flags.get("repo")).toAbsolutePath()
                : RepoLayout.findRoot(workingDirectory.toAbsolutePath());
        String report = flags.getOrDefault("report", repo.resolve("docs/benchmarks.md").toString());
        return new ReplaySettings(
                positive(flags.getOrDefault("events", "20000"), "events"),
                positive(flags.getOrDefault("tenants", "200"), "tenants"),
                positive(flags.getOrDefault("spacing-ms", "100"), "spacing-ms"),
                list(flags.getOrDefault("fetch-sizes", "100,1000,5000"), "fetch-sizes"),
                list(flags.getOrDefault("batch-sizes", "20,200,1000"), "batch-sizes"),
                list(flags.getOrDefault("segments", "1,2,4"), "segments"),
                bool(flags.getOrDefault("processor-alone", "true"), "processor-alone"),
                flags.getOrDefault("service-heap", "384m"),
                repo,
                report.isEmpty() || "none".equals(report) ? null : Path.of(report).toAbsolutePath());
    }

    /** The usage benchmark's settings for starting the same stack. */
    BenchSettings stackSettings() {
        return BenchSettings.parse(new String[]{"--repo=" + repo, "--service-heap=" + serviceHeap, "--report=none"},
                repo);
    }

    private static List<Integer> list(String value, String name) {
        List<Integer> values = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty())
                .forEach(part -> values.add(positive(part, name)));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("--" + name + " needs at least one value");
        }
        return List.copyOf(values);
    }

    private static boolean bool(String raw, String name) {
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw new IllegalArgumentException("--" + name + " must be true or false, got " + raw);
    }

    private static int positive(String raw, String name) {
        try {
            int value = Integer.parseInt(raw.replace("_", ""));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be whole numbers, got " + raw, e);
        }
        throw new IllegalArgumentException("--" + name + " must be positive, got " + raw);
    }
}
