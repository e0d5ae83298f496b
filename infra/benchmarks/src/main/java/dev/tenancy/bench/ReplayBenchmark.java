package dev.tenancy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rebuilding query-service's projections from the event store: events per second, against a raw cursor scan of the
 * events collection in the same run, and how the processor kind, its segments, batch and fetch sizes change it.
 * Runs the services as child processes like the usage benchmark; see docs/benchmarks.md.
 */
public final class ReplayBenchmark {

    static final String POOLED = "pooled";
    static final String TRACKING = "tracking";
    static final int DEFAULT_BATCH = 200;
    static final int DEFAULT_FETCH = 1000;
    private static final Logger log = LoggerFactory.getLogger(ReplayBenchmark.class);
    private static final Logger out = LoggerFactory.getLogger("results");
    private static final Duration REBUILD_TIMEOUT = Duration.ofMinutes(20);
    private static final int SCAN_ROUNDS = 3;
    private static final String PARSED_SCAN = "scan by timestamp, each payload and metadata parsed (JSON trees)";

    private final ReplaySettings settings;

    private ReplayBenchmark(ReplaySettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        ReplaySettings settings = ReplaySettings.parse(args, Path.of(""));
        ReplayResults results = new ReplayBenchmark(settings).run();
        String section = ReplayReport.section(results);
        out.info("{}{}", System.lineSeparator(), section);
        if (settings.report() != null) {
            ReplayReport.write(settings.report(), section);
            out.info("Replay section written to {}", settings.report());
        }
    }

    private ReplayResults run() throws Exception {
        long began = System.nanoTime();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (BenchStack stack = BenchStack.start(settings.stackSettings());
             ProcessSampler sampler = new ProcessSampler(stack.services())) {
            EventStoreProbe probe = new EventStoreProbe(stack.client());
            MongoCollection<Document> events = probe.events();
            Tenant template = stack.api().signup("bench-replay-" + UUID.randomUUID().toString().substring(0, 6));
            stack.api().recordUsage(template, "template");
            ReplayApi admin = ReplayApi.signIn(stack.command().port(), stack.query().port(),
                    BenchStack.superadminEmail(), stack.superadminPassword());

            long seedStart = System.nanoTime();
            long seeded = new ReplaySeeder(events).seed(template, settings.tenants(), settings.events(),
                    Duration.ofMillis(settings.spacingMillis()));
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long stored = events.countDocuments();
            log.info("Seeded {} events in {} s; {} in the store", seeded, String.format("%.1f", seedSeconds), stored);
            awaitLiveCaughtUp(admin);
            sampler.endPhase("seeding");

            List<ReplayScan> scans = List.of(scan(events, "raw scan, natural order", false, document -> { }),
                    scan(events, "raw scan, by timestamp (the tracking order)", true, document -> { }));
            ReplayScan parsed = scan(events, PARSED_SCAN, true, new EventParsing());
            sampler.endPhase("raw scans");

            List<ReplayRun> runs = new ArrayList<>();
            for (ReplayConfig config : configs()) {
                runs.add(rebuild(admin, sampler, config));
            }
            return new ReplayResults(at, (System.nanoTime() - began) / 1e9, settings, Machine.current(), seeded,
                    seedSeconds, stored, scans, parsed, runs);
        }
    }

    /**
     * Three projections with the defaults (bulk pass, then the processor), the first two again (the first rebuild of
     * each runs code the service's JIT compiler has not seen yet), the usage projection with the bulk pass's fetch
     * size and segments changed one at a time, then the processor alone (what rebuilds did before the bulk pass) for
     * the tenants projection and for usage with its batch sizes.
     */
    private Set<ReplayConfig> configs() {
        Set<ReplayConfig> configs = new LinkedHashSet<>();
        configs.add(new ReplayConfig("tenants", true, POOLED, 1, DEFAULT_BATCH, DEFAULT_FETCH));
        configs.add(new ReplayConfig("usage", true, POOLED, 1, DEFAULT_BATCH, DEFAULT_FETCH));
        configs.add(new ReplayConfig("audit", true, POOLED, 1, DEFAULT_BATCH, DEFAULT_FETCH));
        configs.add(new ReplayConfig("tenants", true, POOLED, 1, DEFAULT_BATCH, DEFAULT_FETCH, true));
        configs.add(new ReplayConfig("usage", true, POOLED, 1, DEFAULT_BATCH, DEFAULT_FETCH, true));
        settings.fetchSizes().forEach(fetch -> configs.add(
                new ReplayConfig("usage", true, POOLED, 1, DEFAULT_BATCH, fetch)));
        settings.segments().forEach(segments -> configs.add(
                new ReplayConfig("usage", true, POOLED, segments, DEFAULT_BATCH, DEFAULT_FETCH)));
        if (settings.processorAlone()) {
            configs.add(new ReplayConfig("tenants", false, POOLED, 1, DEFAULT_BATCH, DEFAULT_FETCH));
            settings.batchSizes().forEach(batch -> configs.add(
                    new ReplayConfig("usage", false, POOLED, 1, batch, DEFAULT_FETCH)));
        }
        return configs;
    }

    private ReplayRun rebuild(ReplayApi admin, ProcessSampler sampler, ReplayConfig config) throws Exception {
        awaitLiveCaughtUp(admin);
        sampler.endPhase("between rebuilds");
        log.info("Rebuilding {}", config);
        JsonNode rebuild = admin.rebuild(config.projection(), config.query(), REBUILD_TIMEOUT);
        PhaseStats phase = sampler.endPhase("rebuild " + config);
        if (!"COMPLETED".equals(rebuild.get("phase").asText())) {
            throw new IllegalStateException("Rebuild " + config + " did not complete: " + rebuild);
        }
        Instant started = Instant.parse(rebuild.get("startedAt").asText());
        Instant caughtUp = Instant.parse(rebuild.get("caughtUpAt").asText());
        Instant finished = Instant.parse(rebuild.get("finishedAt").asText());
        double catchUp = Duration.between(started, caughtUp).toMillis() / 1000.0;
        long projected = rebuild.get("eventsTotal").asLong();
        JsonNode bulkEnd = rebuild.get("bulkFinishedAt");
        Double bulkSeconds = bulkEnd == null || bulkEnd.isNull() ? null
                : Duration.between(started, Instant.parse(bulkEnd.asText())).toMillis() / 1000.0;
        ReplayRun run = new ReplayRun(config.projection(), config.again(), config.bulk(), config.processor(), config.segments(),
                config.batchSize(), config.fetchSize(), bulkSeconds, projected, catchUp,
                Duration.between(caughtUp, finished).toMillis() / 1000.0, projected / Math.max(0.001, catchUp),
                phase.cores(Report.QUERY_SERVICE), phase.cores(PhaseStats.BENCHMARK), phase.otherCores());
        log.info("{}: {} events in {} s = {} events/s", config, projected, catchUp,
                String.format("%.0f", run.eventsPerSecond()));
        return run;
    }

    private static void awaitLiveCaughtUp(ReplayApi admin) throws Exception {
        for (String projection : List.of("tenants", "usage")) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!admin.caughtUp(projection)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(projection + " did not catch up");
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
    }

    /**
     * The fastest of {@link #SCAN_ROUNDS} scans: a single one ran anywhere from 0.2 to 1 s for 20,000 events, the
     * first one of a run slowest (this JVM decodes the documents, and its compiler had not seen that code yet).
     */
    private static ReplayScan scan(MongoCollection<Document> events, String name, boolean sorted,
                                   Consumer<Document> read) {
        ReplayScan fastest = null;
        for (int round = 0; round < SCAN_ROUNDS; round++) {
            ReplayScan scan = scanOnce(events, name, sorted, read);
            fastest = fastest == null || scan.seconds() < fastest.seconds() ? scan : fastest;
        }
        return fastest;
    }

    private static ReplayScan scanOnce(MongoCollection<Document> events, String name, boolean sorted,
                                       Consumer<Document> read) {
        long start = System.nanoTime();
        FindIterable<Document> cursor = sorted
                ? events.find().sort(Sorts.ascending(AxonEventLayout.TIMESTAMP, AxonEventLayout.SEQUENCE))
                : events.find();
        long count = 0;
        for (Document event : cursor.batchSize(DEFAULT_FETCH)) {
            read.accept(event);
            count++;
        }
        ReplayScan scan = new ReplayScan(name, count, (System.nanoTime() - start) / 1e9);
        log.info("{}: {} events in {} s", name, count, String.format("%.2f", scan.seconds()));
        return scan;
    }
}
