package dev.tenancy.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One service running as its own JVM ({@code java -Xmx... -jar <service>-exec.jar}), so its resident memory can be
 * measured on its own. Output goes to a log file; its tail is shown when the service fails to come up.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private final String name;
    private final Path jar;
    private final String heap;
    private final Map<String, String> environment;
    private final Path logFile;
    private final int port;
    private Process process;

    ServiceProcess(String name, Path jar, String heap, Map<String, String> environment, Path logFile, int port) {
        this.name = name;
        this.jar = jar;
        this.heap = heap;
        this.environment = environment;
        this.logFile = logFile;
        this.port = port;
    }

    void start() {
        List<String> command = new ArrayList<>(jvmCommand());
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
        log.info("{} started as pid {} (log {})", name, process.pid(), logFile);
    }

    /**
     * The command line before the jar path, as reported in the results. The serial collector: on two cores shared
     * by three busy JVMs G1's parallel phases gain nothing, and its remembered sets cost about 50 MiB of each
     * service's resident set (measured with native memory tracking under the Kafka load).
     */
    List<String> jvmCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-XX:+UseSerialGC", "-Dtenancy.jwt.access-token-ttl=PT2H", "-jar");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    OptionalLong pid() {
        Process running = process;
        return running != null && running.isAlive() ? OptionalLong.of(running.pid()) : OptionalLong.empty();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** VmRSS of the process from /proc, or empty when it is gone or /proc is not there. */
    OptionalLong residentBytes() {
        if (!alive()) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes = line.substring("VmRSS:".length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
            return OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The first line of the service's log (all its runs) matching {@code test}, or null. */
    String firstLogLine(Predicate<String> test) {
        try (Stream<String> lines = Files.lines(logFile)) {
            return lines.filter(test).findFirst().map(String::strip).orElse(null);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Graceful stop (SIGTERM, so caches and processors shut down as in production), forced after 30 s. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("{} (pid {}) stopped", name, process.pid());
        process = null;
    }

    /** For the shutdown hook: no waiting, the JVM is going away. */
    void kill() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
        }
    }
}
