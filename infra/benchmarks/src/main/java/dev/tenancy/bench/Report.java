package dev.tenancy.bench;

import java.util.Locale;

/** The results as Markdown: how to run, machine, store, settings, results against the targets. */
final class Report {

    static final String COMMAND_SERVICE = "command-service";
    static final String QUERY_SERVICE = "query-service";
    static final String NOTES_HEADING = "## What we noticed";
    static final String COMMAND = "./mvnw -q -DskipTests package && java -jar infra/benchmarks/target/tenancy-benchmarks.jar";

    private Report() {
    }

    /** The whole document; {@code notes} (the hand-written section from the previous file, if any) is kept as is. */
    static String markdown(Results r, String notes) {
        BenchSettings s = r.settings();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks: usage metering\n\n");
        md.append("Usage increments per second through REST and through Kafka, against what the store does on its own. "
                + "The numbers below are from one real run (").append(r.at()).append(", ")
                .append(f1(r.totalSeconds())).append(" s in all); the benchmark rewrites everything above ")
                .append("\"What we noticed\" each time it runs.\n\n");
        md.append("## How to run\n\n```\n").append(COMMAND).append("\n```\n\n");
        md.append("Flags (all optional, `--name=value`): `--threads` (").append(BenchSettings.DEFAULT_THREADS)
                .append("), `--tenants` the REST and Kafka load is spread over (1), `--warmup` seconds (")
                .append(BenchSettings.DEFAULT_WARMUP_SECONDS).append("), `--duration` seconds (20), `--kafka-records` (")
                .append(BenchSettings.DEFAULT_KAFKA_RECORDS).append("), `--kafka-warmup` records sent and stored "
                        + "before those are (").append(BenchSettings.DEFAULT_KAFKA_WARMUP)
                .append("), `--long-events` (").append(BenchSettings.DEFAULT_LONG_EVENTS)
                .append("), `--long-seed` (`store` or `kafka`, see below), `--long-commands` (200), `--service-heap` "
                        + "(" + BenchSettings.DEFAULT_SERVICE_HEAP + "), `--repo` (found from the working directory), "
                        + "`--report` (docs/benchmarks.md; `none` "
                        + "to only print). It needs the services' `-exec.jar`s built by the package step; the normal "
                        + "build never runs it. Each run starts from an empty store in a temporary directory.\n\n");
        md.append("## Machine\n\n| | |\n| --- | --- |\n");
        md.append("| cores (nproc) | ").append(r.machine().cores()).append(" |\n");
        md.append("| CPU | ").append(r.machine().cpu()).append(" |\n");
        md.append("| memory | ").append(mib(r.machine().memoryBytes())).append(" |\n");
        md.append("| OS | ").append(r.machine().os()).append(" |\n");
        md.append("| JVM | ").append(r.machine().jvm()).append(" |\n\n");
        md.append("## Store and set-up\n\n");
        md.append("- Store: `mongo-java-server` 1.47.0 with its H2 (MVStore file) backend, in the benchmark's own JVM, "
                + "as the embedded default runs it. It is not MongoDB: it enforces unique indexes but ignores "
                + "secondary ones (every other query scans its collection), has no transactions and commits to disk "
                + "about once a second. Real MongoDB numbers differ, and the ratios may too.\n");
        md.append("- Kafka: the embedded single-node KRaft broker, in the benchmark's JVM; topic `")
                .append(KafkaLoad.TOPIC).append("` with ").append(r.topicPartitions())
                .append(" partitions, created by command-service, whose consumer decides each tenant's reports in order, "
                        + "up to 100 of a tenant's reports to one command (`tenancy.usage.kafka.reports-per-command`, "
                        + "the default).\n");
        md.append("- Services: command-service and query-service each in its own JVM: `")
                .append(String.join(" ", r.serviceJvm())).append(" <service>-exec.jar` (the token lifetime is raised "
                        + "only so a long run needs no re-login). Everything shares the same cores.\n");
        md.append("- REST: `java.net.http.HttpClient` (HTTP/1.1, one shared client, kept-alive connections) straight "
                + "to the command-service port, no gateway; `POST /api/v1/tenants/current/usage` with "
                + "`{resource: messagesPerMonth, delta: 1, idempotencyKey: <unique>}` for one ENTERPRISE tenant; "
                + "anything but 200 counts as an error.\n");
        md.append("- Baselines, same threads, same store: (a) `insertOne` of documents copied from a stored "
                + "UsageRecordedEvent (").append(r.templateChars()).append(" characters as JSON, fresh aggregate id, "
                + "sequence, event id and time each) into a scratch collection with the event collection's indexes; "
                + "(b) `updateOne({_id, value: {$lt: max}}, {$inc: {value: 1}})` on one counter; (c) the REST "
                + "run's client, threads and body against a bare JDK HTTP server in the store's JVM that only reads "
                + "the body and does (a)'s insert: the least any REST increment costs here.\n");
        md.append("- Kafka: one producer (").append(KafkaLoad.PRODUCER_SETTINGS).append(") sends the records keyed by "
                + "tenant; the clock runs from the first send until the event store holds one more UsageRecordedEvent "
                + "per record (checked every 200 ms).\n");
        md.append("- Settings: ").append(s.threads()).append(" threads, ").append(s.tenants()).append(" tenant(s), ").append(s.warmupSeconds())
                .append(" s warmup + ").append(s.durationSeconds()).append(" s measured per throughput run; ")
                .append(s.kafkaRecords()).append(" Kafka records after ").append(s.kafkaWarmup())
                .append(" to warm up; long stream ").append(s.longEvents())
                .append(" events, ").append(s.longCommands()).append(" sequential commands per tenant.\n\n");
        appendResults(md, r);
        appendLongStream(md, r);
        md.append(notes == null ? NOTES_HEADING + "\n\nNothing written yet.\n" : notes);
        return md.toString();
    }

    private static void appendResults(StringBuilder md, Results r) {
        md.append("## Results\n\n| path | increments/s | p50 ms | p95 ms | p99 ms | max ms | errors |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        row(md, "REST (service)", r.rest());
        row(md, "(a) raw insertOne (store)", r.rawInsert());
        row(md, "(b) conditional $inc (store)", r.conditionalIncrement());
        row(md, "(c) HTTP + insertOne floor (bare server)", r.httpFloor());
        KafkaResult k = r.kafka();
        md.append("| Kafka (service) | ").append(f0(k.perSecond())).append(" | | | | | ")
                .append(k.records() - k.stored()).append(" not stored |\n\n");
        md.append("Kafka: ").append(k.records()).append(" records produced in ").append(f1(k.produceSeconds()))
                .append(" s, all stored after ").append(f1(k.seconds())).append(" s")
                .append(k.completed() ? "" : " (NOT all stored before the timeout: " + k.stored() + ")").append(".\n\n");
        md.append("| target | measured | result |\n| --- | --- | --- |\n");
        target(md, "REST >= 0.5 x raw insert", f2(r.restVsRaw()) + " x", r.restVsRaw() >= Results.REST_VS_RAW_TARGET);
        target(md, "Kafka >= 2 x REST", f2(r.kafkaVsRest()) + " x", r.kafkaVsRest() >= Results.KAFKA_VS_REST_TARGET);
        for (String service : new String[] {COMMAND_SERVICE, QUERY_SERVICE}) {
            long rss = r.maxRssUnderLoad(service);
            target(md, service + " resident memory < 512 MiB under the REST and Kafka load (in any phase: "
                    + mib(r.maxRss(service)) + ")", mib(rss), rss < Results.RSS_TARGET_BYTES);
        }
        LongStreamResult l = r.longStream();
        target(md, "long stream: median(" + l.longEvents() + " events) <= 1.5 x median(" + l.shortEvents()
                + " events)", f2(l.medianRatio()) + " x", l.medianRatio() <= Results.LONG_VS_SHORT_TARGET);
        md.append("\nFor comparison: REST is ").append(f2(r.restVsIncrement())).append(" x the conditional $inc. ")
                .append("The floor (c) is ").append(f2(r.floorVsRaw())).append(" x the raw insert: ")
                .append(r.floorVsRaw() < Results.REST_VS_RAW_TARGET
                        ? "an HTTP round trip that does nothing but (a)'s insert already stays under the REST target, "
                                + "so no REST path reaches it on this machine. "
                        : "the HTTP round trip alone leaves room for the REST target. ");
        if (r.restWrites().perIncrement() > 0) {
            md.append("Store writes per increment (documents, all services, counted from the store's oplog until the "
                    + "last event was stored): REST ").append(f1(r.restWrites().perIncrement())).append(", Kafka ")
                    .append(f1(r.kafkaWrites().perIncrement())).append("; the baselines write 1. Per REST increment, "
                            + "by collection: ").append(byCollection(r.restWrites()))
                    .append("; per Kafka increment: ").append(byCollection(r.kafkaWrites())).append(".\n\n");
        } else {
            md.append("Store writes per increment were not counted: they are read from the stand-in's oplog, which "
                    + "the embedded store no longer keeps (it cost most of the store's work and nothing reads it).\n\n");
        }
        md.append("Memory and CPU per phase: highest resident set (VmRSS, sampled every 500 ms) of each service, and "
                + "CPU in cores on average (from /proc; `benchmark` is this JVM: store, broker and load clients; "
                + "`other` is every other program on the machine, which the numbers above had to share it with):\n\n"
                + "| phase | s | RSS command | RSS query | CPU command | CPU query | CPU benchmark | CPU other |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (PhaseStats phase : r.phases()) {
            boolean startUp = phase.name().equals(Results.START_UP);
            md.append("| ").append(phase.name()).append(" | ").append(f0(phase.seconds())).append(" | ")
                    .append(mib(phase.maxRssBytes().getOrDefault(COMMAND_SERVICE, 0L))).append(" | ")
                    .append(mib(phase.maxRssBytes().getOrDefault(QUERY_SERVICE, 0L))).append(" | ")
                    .append(startUp ? "n/a" : f2(phase.cores(COMMAND_SERVICE))).append(" | ")
                    .append(startUp ? "n/a" : f2(phase.cores(QUERY_SERVICE))).append(" | ")
                    .append(startUp ? "n/a" : f2(phase.cores(PhaseStats.BENCHMARK))).append(" | ")
                    .append(startUp ? "n/a" : f2(phase.otherCores())).append(" |\n");
        }
        md.append('\n');
    }

    private static void appendLongStream(StringBuilder md, Results r) {
        LongStreamResult l = r.longStream();
        Seeding seed = l.seeding();
        md.append("## Long streams\n\n");
        md.append("Tenant L: one usage report through REST, then ").append(seed.events()).append(" more usage events ");
        if (BenchSettings.SEED_KAFKA.equals(seed.how())) {
            md.append("through Kafka (").append(f0(seed.perSecond())).append(" events/s, ").append(f1(seed.seconds()))
                    .append(" s").append(seed.completed() ? "" : ", NOT all arrived").append(").");
        } else {
            md.append("appended straight to the event store in ").append(f1(seed.seconds())).append(" s (`--long-seed="
                    + "store`, the default): copies of L's own stored UsageRecordedEvent with the next sequence "
                    + "numbers, distinct idempotency keys and a running `used`, time-stamped an hour back as history is, "
                    + "so the query side does not project them in the middle of the measurement. Through the service "
                    + "this history would take longer than the whole run is meant to (see the Kafka rate); "
                    + "`--long-seed=kafka` does it that way.");
        }
        md.append(" Tenant S: ").append(LongStream.SHORT_EVENTS).append(" reports through REST. L's next command took ")
                .append(f1(l.firstAfterSeedMillis())).append(" ms");
        if (BenchSettings.SEED_STORE.equals(seed.how())) {
            md.append(" (its cached state was stale: the append conflicted and the retry replayed the whole stream, "
                    + "as after another instance's writes)");
        }
        md.append(". Before the restart L had ").append(l.snapshots().count()).append(" snapshot(s), the newest at "
                + "sequence ").append(l.snapshots().newestSequence()).append(" (").append(l.snapshots().newestPayloadChars())
                .append(" characters of JSON");
        if (l.snapshots().newestSequence() > 0) {
            double perEvent = (double) l.snapshots().newestPayloadChars() / l.snapshots().newestSequence();
            md.append(", ").append(f0(perEvent)).append(" per event: at 100,000 events about ")
                    .append(mib((long) (perEvent * 100_000))).append(", against MongoDB's 16 MiB document limit");
        }
        md.append(")");
        md.append(l.snapshotProblem() == null ? ".\n\n" : "; command-service logged: `" + l.snapshotProblem() + "`.\n\n");
        md.append("Then command-service was restarted (empty aggregate cache), one command was sent for a third tenant "
                + "to warm the JVM, and commands were timed on L and S, alternating.\n\n");
        md.append("| | L (").append(l.longEvents()).append(" events) | S (").append(l.shortEvents())
                .append(" events) | L / S |\n| --- | ---: | ---: | ---: |\n");
        md.append("| first command after restart, ms | ").append(f1(l.coldLongMillis())).append(" | ")
                .append(f1(l.coldShortMillis())).append(" | ").append(f2(l.coldLongMillis() / l.coldShortMillis()))
                .append(" |\n");
        md.append("| median of ").append(l.longStats().operations()).append(" sequential commands, ms | ")
                .append(f2(l.longStats().p50Millis())).append(" | ").append(f2(l.shortStats().p50Millis()))
                .append(" | ").append(f2(l.medianRatio())).append(" |\n");
        md.append("| p99, ms | ").append(f2(l.longStats().p99Millis())).append(" | ")
                .append(f2(l.shortStats().p99Millis())).append(" | ")
                .append(f2(l.longStats().p99Millis() / l.shortStats().p99Millis())).append(" |\n");
        md.append("| slowest, ms | ").append(f1(l.longStats().maxMillis())).append(" | ")
                .append(f1(l.shortStats().maxMillis())).append(" | |\n\n");
    }

    private static String byCollection(StoreWrites writes) {
        return String.join(", ", writes.byCollection().keySet().stream()
                .map(ns -> "`" + ns + "` " + f2(writes.perIncrement(ns))).toList());
    }

    private static void row(StringBuilder md, String name, LatencyStats s) {
        md.append("| ").append(name).append(" | ").append(f0(s.perSecond())).append(" | ").append(f2(s.p50Millis()))
                .append(" | ").append(f2(s.p95Millis())).append(" | ").append(f2(s.p99Millis())).append(" | ")
                .append(f1(s.maxMillis())).append(" | ").append(s.errors()).append(" |\n");
    }

    private static void target(StringBuilder md, String name, String measured, boolean met) {
        md.append("| ").append(name).append(" | ").append(measured).append(" | ").append(met ? "met" : "**missed**")
                .append(" |\n");
    }

    static String mib(long bytes) {
        return f0(bytes / (1024.0 * 1024.0)) + " MiB";
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
