package dev.tenancy.bench;

import com.mongodb.client.MongoDatabase;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Usage metering under load: REST and Kafka against the store's own insert and conditional-increment rates, the
 * services' memory, and long event streams after a restart. Runs the services as child processes; see
 * docs/benchmarks.md for how to run it and what it found.
 */
public final class UsageBenchmark {

    private static final Logger log = LoggerFactory.getLogger(UsageBenchmark.class);
    private static final Logger out = LoggerFactory.getLogger("results");
    private static final Duration KAFKA_TIMEOUT = Duration.ofMinutes(5);

    private final BenchSettings settings;

    private UsageBenchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.parse(args, Path.of(""));
        Results results = new UsageBenchmark(settings).run();
        String report = Report.markdown(results, previousNotes(settings.report()));
        out.info(summary(results));
        if (settings.report() != null) {
            Files.writeString(settings.report(), report);
            out.info("Report written to {}", settings.report());
        }
    }

    private Results run() throws Exception {
        long began = System.nanoTime();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<PhaseStats> phases = new ArrayList<>();
        try (BenchStack stack = BenchStack.start(settings);
             ProcessSampler sampler = new ProcessSampler(stack.services());
             KafkaLoad producer = new KafkaLoad(stack.kafkaBootstrap())) {
            MongoDatabase eventDatabase = stack.client().getDatabase(EventStoreProbe.EVENT_DATABASE);
            EventStoreProbe probe = new EventStoreProbe(stack.client());
            UsageApi api = stack.api();
            String run = UUID.randomUUID().toString().substring(0, 6);
            List<Tenant> restTenants = new ArrayList<>();
            List<Tenant> kafkaTenants = new ArrayList<>();
            for (int i = 0; i < settings.tenants(); i++) {
                restTenants.add(api.signup("bench-rest-" + run + "-" + i));
                kafkaTenants.add(api.signup("bench-kafka-" + run + "-" + i));
            }
            Tenant restTenant = restTenants.get(0);
            Tenant longTenant = api.signup("bench-long-" + run);
            Tenant shortTenant = api.signup("bench-short-" + run);
            api.recordUsage(restTenant, "template");
            Document template = probe.newest(restTenant.id());
            phases.add(sampler.endPhase(Results.START_UP));

            StoreBaselines baselines = new StoreBaselines(eventDatabase, template);
            LatencyStats raw = load("raw insertOne", baselines.rawInsert(probe.events()));
            LatencyStats increment = load("conditional $inc", baselines.conditionalIncrement());
            LatencyStats floor;
            try (HttpFloor http = new HttpFloor(baselines.rawInsert(probe.events()), settings.threads())) {
                floor = load("HTTP + insertOne floor", http.increment());
            }
            baselines.dropScratch();
            phases.add(sampler.endPhase("store baselines (services idle)"));

            long restEventsBefore = countRecorded(probe, restTenants);
            long writesBefore = probe.writes();
            BsonTimestamp restStart = probe.lastWrite();
            LatencyStats rest = load("REST", (thread, seq) -> api.recordUsage(
                    restTenants.get(thread % restTenants.size()), "r-" + thread + "-" + seq));
            StoreWrites restWrites = new StoreWrites(countRecorded(probe, restTenants) - restEventsBefore,
                    probe.writes() - writesBefore, probe.writesByNamespace(restStart));
            phases.add(sampler.endPhase(Results.REST_LOAD));

            KafkaPath kafkaPath = new KafkaPath(producer, probe);
            if (settings.kafkaWarmup() > 0) {
                log.info("Kafka: producing {} records to warm up", settings.kafkaWarmup());
                KafkaResult warmup = kafkaPath.run(kafkaTenants, "kw-", settings.kafkaWarmup(), KAFKA_TIMEOUT);
                if (!warmup.completed()) {
                    throw new IllegalStateException("The Kafka warm-up did not store every record: " + warmup);
                }
                phases.add(sampler.endPhase("Kafka warm-up"));
            }
            log.info("Kafka: producing {} records", settings.kafkaRecords());
            long writesBeforeKafka = probe.writes();
            BsonTimestamp kafkaStart = probe.lastWrite();
            KafkaResult kafka = kafkaPath.run(kafkaTenants, "k-", settings.kafkaRecords(), KAFKA_TIMEOUT);
            StoreWrites kafkaWrites = new StoreWrites(kafka.stored(), probe.writes() - writesBeforeKafka,
                    probe.writesByNamespace(kafkaStart));
            phases.add(sampler.endPhase(Results.KAFKA_LOAD));

            LongStreamResult longStream = new LongStream(stack, probe, kafkaPath)
                    .run(longTenant, shortTenant, restTenant, settings);
            phases.add(sampler.endPhase("long stream (history, replay, restart, commands)"));

            List<String> jvm = new ArrayList<>(stack.command().jvmCommand());
            jvm.set(0, "java");
            return new Results(at, (System.nanoTime() - began) / 1e9, settings, Machine.current(), jvm, rest, raw,
                    increment, floor, baselines.templateChars(), stack.topicPartitions(), kafka, restWrites, kafkaWrites,
                    longStream, phases);
        }
    }

    private static long countRecorded(EventStoreProbe probe, List<Tenant> tenants) {
        return tenants.stream().mapToLong(tenant -> probe.countRecorded(tenant.id())).sum();
    }

    private LatencyStats load(String name, Operation operation) throws InterruptedException {
        return LoadRun.run(name, settings.threads(), settings.warmupSeconds(), settings.durationSeconds(), operation);
    }

    private static String previousNotes(Path report) throws IOException {
        if (report == null || !Files.exists(report)) {
            return null;
        }
        String text = Files.readString(report);
        int notes = text.indexOf(Report.NOTES_HEADING);
        return notes < 0 ? null : text.substring(notes);
    }

    private static String summary(Results r) {
        String nl = System.lineSeparator();
        StringBuilder s = new StringBuilder(nl).append(String.format("%-30s %12s %9s %9s %9s%n", "path", "incr/s",
                "p50 ms", "p95 ms", "p99 ms"));
        line(s, "REST", r.rest());
        line(s, "raw insertOne", r.rawInsert());
        line(s, "conditional $inc", r.conditionalIncrement());
        line(s, "HTTP + insertOne floor", r.httpFloor());
        s.append(String.format("%-30s %12.0f%n", "Kafka (end to end)", r.kafka().perSecond()));
        s.append(String.format("REST/raw %.2f (target >= 0.5), Kafka/REST %.2f (target >= 2), REST/$inc %.2f, "
                + "floor/raw %.2f%n", r.restVsRaw(), r.kafkaVsRest(), r.restVsIncrement(), r.floorVsRaw()));
        s.append(String.format("max RSS under load: command-service %s, query-service %s (target < 512 MiB each); "
                        + "in any phase: %s, %s%n",
                Report.mib(r.maxRssUnderLoad("command-service")), Report.mib(r.maxRssUnderLoad("query-service")),
                Report.mib(r.maxRss("command-service")), Report.mib(r.maxRss("query-service"))));
        s.append(String.format("%-48s %6s %9s %9s %6s %6s %6s %6s%n", "phase", "s", "RSS cmd", "RSS qry",
                "cpu cmd", "qry", "bench", "other"));
        for (PhaseStats p : r.phases()) {
            s.append(String.format("%-48s %6.0f %9s %9s %6.2f %6.2f %6.2f %6.2f%n", p.name(), p.seconds(),
                    Report.mib(p.maxRssBytes().getOrDefault(Report.COMMAND_SERVICE, 0L)),
                    Report.mib(p.maxRssBytes().getOrDefault(Report.QUERY_SERVICE, 0L)),
                    p.cores(Report.COMMAND_SERVICE), p.cores(Report.QUERY_SERVICE), p.cores(PhaseStats.BENCHMARK),
                    p.otherCores()));
        }
        LongStreamResult l = r.longStream();
        s.append(String.format("long stream (%d vs %d events): cold %.1f ms vs %.1f ms; median %.2f vs %.2f ms "
                        + "(ratio %.2f, target <= 1.5); p99 %.2f vs %.2f ms%n", l.longEvents(), l.shortEvents(),
                l.coldLongMillis(), l.coldShortMillis(), l.longStats().p50Millis(), l.shortStats().p50Millis(),
                l.medianRatio(), l.longStats().p99Millis(), l.shortStats().p99Millis()));
        return s.toString();
    }

    private static void line(StringBuilder s, String name, LatencyStats stats) {
        s.append(String.format("%-30s %12.0f %9.2f %9.2f %9.2f%n", name, stats.perSecond(), stats.p50Millis(),
                stats.p95Millis(), stats.p99Millis()));
    }
}
