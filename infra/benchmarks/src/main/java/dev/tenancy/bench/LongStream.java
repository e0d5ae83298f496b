package dev.tenancy.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Does a tenant with a long usage history cost more per command than a fresh one? The long tenant gets its history
 * (see {@link HistorySeeder}, or through Kafka), the command service takes its snapshot, is restarted so nothing is
 * cached, and then the first command and a series of sequential commands are timed on both tenants, alternating.
 */
final class LongStream {

    private static final Logger log = LoggerFactory.getLogger(LongStream.class);
    static final int SHORT_EVENTS = 10;
    private static final Duration KAFKA_SEED_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofSeconds(30);
    /** A replay without a snapshot reads the stream in batches, and each batch scans the stand-in's collection. */
    private static final Duration REPLAY_TIMEOUT = Duration.ofMinutes(15);

    private final BenchStack stack;
    private final EventStoreProbe probe;
    private final KafkaPath kafka;

    LongStream(BenchStack stack, EventStoreProbe probe, KafkaPath kafka) {
        this.stack = stack;
        this.probe = probe;
        this.kafka = kafka;
    }

    LongStreamResult run(Tenant longTenant, Tenant shortTenant, Tenant warmupTenant, BenchSettings settings)
            throws Exception {
        UsageApi api = stack.api();
        for (int i = 0; i < SHORT_EVENTS; i++) {
            api.recordUsage(shortTenant, "seed-" + i);
        }
        api.recordUsage(longTenant, "first");
        Seeding seeding = seed(longTenant, settings.longEvents() - 1, settings.longSeed());
        double firstAfterSeed = timeMillis(() -> api.recordUsage(longTenant, "after-history", REPLAY_TIMEOUT));
        long lastSequence = probe.lastSequence(longTenant.id());
        SnapshotInfo snapshots = probe.awaitSnapshot(longTenant.id(), lastSequence - 100, SNAPSHOT_TIMEOUT);
        String snapshotProblem = stack.command().firstLogLine(line -> line.toLowerCase(Locale.ROOT).contains("snapshot")
                && (line.contains("WARN") || line.contains("ERROR") || line.contains("Exception")));
        long longCount = probe.countRecorded(longTenant.id());
        long shortCount = probe.countRecorded(shortTenant.id());
        log.info("Long stream: {} has {} usage events; first command after the history {} ms; {} snapshots, newest "
                + "at {} ({} chars){}; restarting command-service", longTenant.slug(), longCount,
                Math.round(firstAfterSeed), snapshots.count(), snapshots.newestSequence(),
                snapshots.newestPayloadChars(), snapshotProblem == null ? "" : "; snapshot problem: " + snapshotProblem);

        stack.restartCommandService();
        api.recordUsage(warmupTenant, "after-restart");
        double coldLong = timeMillis(() -> api.recordUsage(longTenant, "cold", REPLAY_TIMEOUT));
        double coldShort = timeMillis(() -> api.recordUsage(shortTenant, "cold"));
        log.info("Long stream: first command after restart {} ms on {}, {} ms on {}", Math.round(coldLong),
                longTenant.slug(), Math.round(coldShort), shortTenant.slug());

        int commands = settings.longCommands();
        long[] onLong = new long[commands];
        long[] onShort = new long[commands];
        long started = System.nanoTime();
        for (int i = 0; i < commands; i++) {
            String key = "seq-" + i;
            onLong[i] = timeNanos(() -> api.recordUsage(longTenant, key));
            onShort[i] = timeNanos(() -> api.recordUsage(shortTenant, key));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new LongStreamResult(longCount, shortCount, seeding, firstAfterSeed, snapshots, snapshotProblem,
                coldLong, coldShort, LatencyStats.of(onLong, 0, seconds), LatencyStats.of(onShort, 0, seconds));
    }

    private Seeding seed(Tenant tenant, int events, String how) throws Exception {
        log.info("Long stream: giving {} {} more usage events ({})", tenant.slug(), events, how);
        if (BenchSettings.SEED_KAFKA.equals(how)) {
            KafkaResult result = kafka.run(List.of(tenant), "history-", events, KAFKA_SEED_TIMEOUT);
            return new Seeding(how, result.stored(), result.seconds(), result.completed());
        }
        long begin = System.nanoTime();
        new HistorySeeder(probe.events()).append(probe.newest(tenant.id()), events);
        return new Seeding(how, events, (System.nanoTime() - begin) / 1e9, true);
    }

    private static double timeMillis(Operation.Call call) throws Exception {
        return timeNanos(call) / 1_000_000.0;
    }

    private static long timeNanos(Operation.Call call) throws Exception {
        long begin = System.nanoTime();
        call.run();
        return System.nanoTime() - begin;
    }
}
