package dev.tenancy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every 500 ms: each service's resident set size (highest kept per phase) and the CPU time of each service, of this
 * JVM and of the whole machine, from /proc. CPU is summed per process id, so a restarted service is followed.
 */
final class ProcessSampler implements AutoCloseable {

    /** Clock ticks per second of /proc's CPU counters (USER_HZ), 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final List<ServiceProcess> services;
    private final Map<String, Long> maxRss = new LinkedHashMap<>();
    private final Map<Long, Long> lastTicksByPid = new HashMap<>();
    private final Map<String, Long> ticks = new LinkedHashMap<>();
    private long machineTicksAtStart;
    private long phaseStart;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "process-sampler");
        thread.setDaemon(true);
        return thread;
    });

    ProcessSampler(List<ServiceProcess> services) {
        this.services = services;
        startPhase();
        timer.scheduleAtFixedRate(this::sample, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** Closes the current phase under {@code name} and starts the next. */
    synchronized PhaseStats endPhase(String name) {
        sample();
        Map<String, Double> cpu = new LinkedHashMap<>();
        ticks.forEach((process, used) -> cpu.put(process, used / TICKS_PER_SECOND));
        PhaseStats stats = new PhaseStats(name, (System.nanoTime() - phaseStart) / 1e9, new LinkedHashMap<>(maxRss),
                cpu, (machineBusyTicks() - machineTicksAtStart) / TICKS_PER_SECOND);
        startPhase();
        return stats;
    }

    private void startPhase() {
        maxRss.clear();
        ticks.clear();
        machineTicksAtStart = machineBusyTicks();
        phaseStart = System.nanoTime();
    }

    private synchronized void sample() {
        for (ServiceProcess service : services) {
            service.residentBytes().ifPresent(rss -> maxRss.merge(service.name(), rss, Math::max));
            OptionalLong pid = service.pid();
            if (pid.isPresent()) {
                account(service.name(), pid.getAsLong());
            }
        }
        account(PhaseStats.BENCHMARK, ProcessHandle.current().pid());
    }

    private void account(String process, long pid) {
        long now = processTicks(pid);
        if (now < 0) {
            return;
        }
        Long before = lastTicksByPid.put(pid, now);
        ticks.merge(process, before == null ? now : now - before, Long::sum);
    }

    /** utime + stime of a process, -1 when it is gone. */
    static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state is field 3 of the man page, utime 14 and stime 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Busy ticks of all CPUs since boot: everything but idle and iowait. */
    static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
