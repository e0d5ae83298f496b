package dev.tenancy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Where the services' runnable jars are in a built checkout. */
final class RepoLayout {

    private RepoLayout() {
    }

    /** The nearest directory at or above {@code start} holding both service modules. */
    static Path findRoot(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("command-service")) && Files.isDirectory(dir.resolve("query-service"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (with command-service and query-service) at or above "
                + start + "; run from the checkout or pass --repo=PATH");
    }

    /** {@code <module>/target/<module>-<version>-exec.jar}, built by {@code ./mvnw package}. */
    static Path executableJar(Path repo, String module) {
        Path target = repo.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.startsWith(module + "-") && name.endsWith("-exec.jar");
            }).findFirst().orElseThrow(() -> missing(target));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + target + "; build first: ./mvnw -q -DskipTests package", e);
        }
    }

    private static IllegalStateException missing(Path target) {
        return new IllegalStateException("No *-exec.jar in " + target + "; build first: ./mvnw -q -DskipTests package");
    }
}
