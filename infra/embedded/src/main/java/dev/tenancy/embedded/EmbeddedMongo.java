package dev.tenancy.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.tenancy.embedded.store.NarrowingBackends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process server speaking the MongoDB wire protocol, backed by an H2 MVStore file (or memory). Its collections
 * narrow queries by the first field of every declared index ({@link dev.tenancy.embedded.store.NarrowingBackends}),
 * which the stand-in alone does not: without that every query but an exact unique-key lookup scans its collection.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private static final String HOST = "localhost";

    private final MongoServer server;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server persisting to {@code <dataDir>/mongo/tenancy.mv}, or in memory when {@code dataDir} is null.
     *
     * @param port the port to listen on, 0 for a free one
     */
    public static EmbeddedMongo start(Path dataDir, int port) {
        return start(dataDir, port, false);
    }

    /**
     * As {@link #start(Path, int)}, optionally with change streams. They need the server's oplog, which costs most of
     * the server's write work (measured in the usage benchmark); nothing in the platform reads change streams yet.
     */
    public static EmbeddedMongo start(Path dataDir, int port, boolean changeStreams) {
        Path store = dataDir == null ? null : storeFile(dataDir);
        MongoBackend backend = store == null ? NarrowingBackends.memory() : NarrowingBackends.file(store.toString());
        if (changeStreams) {
            backend.enableOplog();
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(HOST, port);
        } catch (Exception e) {
            // Netty rethrows a checked BindException undeclared, which the server's own cleanup does not catch
            server.shutdownNow();
            throw new IllegalStateException("Could not bind the embedded MongoDB server to " + HOST + ":" + port, e);
        }
        int boundPort = server.getLocalAddress().getPort();
        log.info("Embedded MongoDB listening on {}:{} ({})", HOST, boundPort,
                store == null ? "in memory" : store);
        return new EmbeddedMongo(server, boundPort);
    }

    /** Starts a server whose data lives only as long as it runs. */
    public static EmbeddedMongo startInMemory(int port) {
        return start(null, port);
    }

    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Stops listening and closes the store, so that everything written is on disk for the next start. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            log.info("Embedded MongoDB on port {} stopped", port);
        }
    }

    private static Path storeFile(Path dataDir) {
        Path directory = dataDir.resolve("mongo");
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the MongoDB data directory " + directory, e);
        }
        return directory.resolve("tenancy.mv");
    }
}
