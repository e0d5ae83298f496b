package dev.tenancy.platform.ratelimit;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Syncs the {@link ApiCallCounter} every interval on its own thread, and once more on shutdown. */
public class ApiCallSync implements SmartLifecycle {

    /**
     * Below the web server's phase (DEFAULT_PHASE - 2048), so on shutdown it stops after the server has finished
     * its last requests, whose calls the final sync then includes.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final ApiCallCounter counter;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public ApiCallSync(ApiCallCounter counter, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("tenancy.rate-limit.sync-interval must be positive: " + interval);
        }
        this.counter = counter;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "api-call-sync");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(counter::sync, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        counter.sync();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
