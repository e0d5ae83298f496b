package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.Optional;
import de.bwaldvogel.mongo.bson.Document;
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

    /** See {@link NarrowedAggregation}. */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        Optional<Document> narrowed = NarrowedAggregation.handle(this, command, query, databaseResolver, oplog);
        if (narrowed.isPresent()) {
            clearLastStatus(channel);
            return narrowed.get();
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }
}
