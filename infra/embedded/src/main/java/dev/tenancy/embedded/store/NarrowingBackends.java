package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** mongo-java-server's backends whose collections plan queries with {@link QueryNarrowing}. */
public final class NarrowingBackends {

    private NarrowingBackends() {
    }

    /** Persists to the MVStore file {@code fileName}, as {@link H2Backend} does. */
    public static MongoBackend file(String fileName) {
        return new H2Backend(fileName) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                return new NarrowingH2Database(databaseName, getMvStore(), getCursorRegistry());
            }
        };
    }

    public static MongoBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new NarrowingMemoryDatabase(databaseName, getCursorRegistry());
            }
        };
    }
}
