package dev.tenancy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a run happened on, as reported next to its numbers. */
record Machine(int cores, String cpu, long memoryBytes, String os, String jvm) {

    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procValue("/proc/cpuinfo", "model name", "unknown CPU"),
                parseKilobytes(procValue("/proc/meminfo", "MemTotal", "0 kB")) * 1024,
                osName(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    private static String osName() {
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "") + ", " + kernel;
                }
            }
        } catch (IOException e) {
            return kernel;
        }
        return kernel;
    }

    private static String procValue(String file, String key, String fallback) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            return fallback;
        }
        return fallback;
    }

    private static long parseKilobytes(String value) {
        try {
            return Long.parseLong(value.replace("kB", "").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
