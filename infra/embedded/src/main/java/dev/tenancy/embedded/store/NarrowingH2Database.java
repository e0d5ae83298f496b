package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.Optional;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * H2's database with {@link NarrowingH2Collection}s, opening the same collection maps under the same names as H2's
 * own, and unique indexes ordered by {@link KeyValueOrder} under names of their own ({@code ._keys_} where H2 has
 * {@code ._index_}). A file written by H2's own database has its indexes moved over once, when first opened.
 */
final class NarrowingH2Database extends H2Database {

    private static final String DATABASES_PREFIX = "databases.";
    private static final String META_PREFIX = "meta.";
    /**
     * H2's constructor opens the existing collections before a subclass's fields are assigned, and keeps its store
     * private; it assigns that field first, so it can be read here (mongo-java-server 1.47.0, pinned).
     */
    private static final VarHandle STORE = storeField();
    private static final MethodHandle UNIQUE_INDEX = uniqueIndexConstructor();

    private final PinnedVersion pinned;

    NarrowingH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
        this.pinned = new PinnedVersion(mvStore);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        MVStore store = (MVStore) STORE.get(this);
        String fullName = getFullCollectionNamespace(collectionName);
        MVMap<Object, Document> dataMap = store.openMap(DATABASES_PREFIX + fullName);
        MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullName);
        return new NarrowingH2Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        MVStore store = (MVStore) STORE.get(this);
        String prefix = getFullCollectionNamespace(collectionName);
        MVMap<KeyValue, Object> map = store.openMap(keysMap(collectionName, indexName),
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueOrder()));
        String legacy = prefix + "._index_" + indexName;
        if (store.hasMap(legacy)) {
            // copied, not left to be rebuilt from the documents, so that every version of the file the store
            // commits holds one whole index; a move cut short leaves the legacy map, still whole: start over
            map.clear();
            MVMap<KeyValue, Object> old = store.openMap(legacy);
            old.forEach(map::put);
            store.removeMap(old);
        }
        try {
            return (H2UniqueIndex) UNIQUE_INDEX.invoke(map, indexName, keys, sparse);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not open index " + indexName + " of " + prefix, e);
        }
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        ((MVStore) STORE.get(this)).removeMap(keysMap(collection.getCollectionName(), indexName));
    }

    private String keysMap(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._keys_" + indexName;
    }

    /** H2's own index, over a map this database opens (its constructor is package-private). */
    private static MethodHandle uniqueIndexConstructor() {
        try {
            return MethodHandles.privateLookupIn(H2UniqueIndex.class, MethodHandles.lookup())
                    .findConstructor(H2UniqueIndex.class, MethodType.methodType(void.class, MVMap.class,
                            String.class, List.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2UniqueIndex changed: no constructor", e);
        }
    }

    private static VarHandle storeField() {
        try {
            return MethodHandles.privateLookupIn(H2Database.class, MethodHandles.lookup())
                    .findVarHandle(H2Database.class, "mvStore", MVStore.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2Database changed: no store field", e);
        }
    }

    /** Each command reads one pinned version of the store ({@link PinnedVersion}); see {@link NarrowedAggregation}. */
    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
                                  Oplog oplog) {
        return pinned.during(() -> {
            Optional<Document> narrowed = NarrowedAggregation.handle(this, command, query, databaseResolver, oplog);
            if (narrowed.isPresent()) {
                clearLastStatus(channel);
                return narrowed.get();
            }
            return super.handleCommand(channel, command, query, databaseResolver, oplog);
        });
    }
}
