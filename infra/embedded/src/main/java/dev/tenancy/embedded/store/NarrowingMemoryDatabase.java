package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/** The in-memory database with {@link NarrowingMemoryCollection}s. */
final class NarrowingMemoryDatabase extends MemoryDatabase {

    NarrowingMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
        super(databaseName, cursorRegistry);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        return new NarrowingMemoryCollection(this, collectionName, options, cursorRegistry);
    }
}
