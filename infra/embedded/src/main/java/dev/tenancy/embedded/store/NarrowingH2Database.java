package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.Optional;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** H2's database with {@link NarrowingH2Collection}s, opening the same maps under the same names as H2's own. */
final class NarrowingH2Database extends H2Database {

    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    /**
     * H2's constructor opens the existing collections before a subclass's fields are assigned, and keeps its store
     * private; it assigns that field first, so it can be read here (mongo-java-server 1.47.0, pinned).
     */
    private static final VarHandle STORE = storeField();

    NarrowingH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = (MVStore) STORE.get(this);
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store.openMap(DATABASES_PREFIX + fullName);
        MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullName);
        return new NarrowingH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    private static VarHandle storeField() {
        try {
            return MethodHandles.privateLookupIn(H2Database.class, MethodHandles.lookup())
                    .findVarHandle(H2Database.class, "mvStore", MVStore.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2Database changed: no store field", e);
        }
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
