package dev.tenancy.local;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One running stack for every test class that uses it: starting the system costs seconds, and tests that only talk
 * HTTP with their own tenants do not need a fresh one. It is closed when the test run ends.
 */
final class SharedStack implements ExtensionContext.Store.CloseableResource {

    private final Path dataDir;
    private final LocalStack stack;

    private SharedStack() {
        try {
            this.dataDir = Files.createTempDirectory("tenancy-shared-stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.stack = LocalStack.start(StackSettings.forTests(dataDir));
    }

    static LocalStack in(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedStack.class, key -> new SharedStack(), SharedStack.class).stack;
    }


    @Override
    public void close() throws IOException {
        stack.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
