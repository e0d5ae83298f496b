package dev.tenancy.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop load: each thread runs the operation back to back for warmup plus duration; only operations that
 * start inside the measured window are recorded. Bounded in time: it always stops by itself.
 */
final class LoadRun {

    private static final Logger log = LoggerFactory.getLogger(LoadRun.class);
    private static final int MAX_LOGGED_ERRORS = 3;

    private LoadRun() {
    }

    static LatencyStats run(String name, int threads, int warmupSeconds, int durationSeconds, Operation operation)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long measureUntil = measureFrom + durationSeconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            int thread = t;
            workers.add(new Thread(() -> {
                long sequence = 0;
                for (long begin = System.nanoTime(); begin < measureUntil; begin = System.nanoTime()) {
                    try {
                        operation.run(thread, sequence++);
                        if (begin >= measureFrom) {
                            recorder.add(System.nanoTime() - begin);
                        }
                    } catch (Exception e) {
                        if (begin >= measureFrom) {
                            errors.incrementAndGet();
                        }
                        if (errors.get() <= MAX_LOGGED_ERRORS && firstError.compareAndSet(null, e)) {
                            log.warn("{}: operation failed: {}", name, e.toString());
                        }
                    }
                }
            }, name + "-" + t));
        }
        log.info("{}: {} threads, {} s warmup, {} s measured", name, threads, warmupSeconds, durationSeconds);
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = recorders.stream().flatMapToLong(r -> Arrays.stream(r.values())).toArray();
        LatencyStats stats = LatencyStats.of(all, errors.get(), durationSeconds);
        log.info("{}: {} ops/s, p50 {} ms, p99 {} ms, {} errors", name, Math.round(stats.perSecond()),
                String.format("%.2f", stats.p50Millis()), String.format("%.2f", stats.p99Millis()), stats.errors());
        return stats;
    }

    /** Per-thread growable array, so recording needs no synchronisation. */
    static final class Recorder {

        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] values() {
            return Arrays.copyOf(values, size);
        }
    }
}
