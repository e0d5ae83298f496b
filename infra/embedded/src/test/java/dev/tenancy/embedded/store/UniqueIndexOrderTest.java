package dev.tenancy.embedded.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UniqueIndexOrderTest {

    @TempDir
    Path dir;

    @Test
    void keysAreTotallyOrderedAndEqualExactlyWhenEveryElementSerializesAlike() {
        List<KeyValue> keys = sampleKeys();
        KeyValueOrder order = new KeyValueOrder();

        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(order.compare(a, b));
                assertThat(Integer.signum(order.compare(b, a))).as("%s against %s", b, a).isEqualTo(-ab);
                assertThat(ab == 0).as("%s equal to %s", a, b).isEqualTo(serializedAlike(a, b));
                for (KeyValue c : keys) {
                    if (ab <= 0 && order.compare(b, c) <= 0) {
                        assertThat(order.compare(a, c)).as("%s, %s, %s", a, b, c).isLessThanOrEqualTo(0);
                    }
                }
            }
        }
    }

    @Test
    void uniqueIndexesHoldAcrossRestartsOfTheFile() {
        String file = dir.resolve("store.mv").toString();
        withCollection(NarrowingBackends.file(file), items -> {
            indexedItems(items);
            assertDuplicate(() -> items.insertOne(new Document("tenant", "t7").append("seq", 7L)));
        });

        withCollection(NarrowingBackends.file(file), items -> {
            assertDuplicate(() -> items.insertOne(new Document("tenant", "t7").append("seq", 7L)));
            assertDuplicate(() -> items.insertOne(new Document("_id", "id-3")));
            assertThat(items.find(Filters.eq("_id", "id-42")).first()).containsEntry("tenant", "t42");
            items.insertOne(new Document("_id", "id-50").append("tenant", "t7").append("seq", 8L));
            assertThat(items.countDocuments()).isEqualTo(51);
        });
        assertThat(indexMaps(file)).containsExactlyInAnyOrder(
                "db.items._keys__id_", "db.items._keys_tenant_1_seq_1");
    }

    @Test
    void aFileWrittenByH2sOwnDatabaseHasItsIndexesMovedOverOnce() {
        String file = dir.resolve("legacy.mv").toString();
        withCollection(new H2Backend(file), UniqueIndexOrderTest::indexedItems);
        assertThat(indexMaps(file)).containsExactlyInAnyOrder(
                "db.items._index__id_", "db.items._index_tenant_1_seq_1");

        withCollection(NarrowingBackends.file(file), items -> {
            assertDuplicate(() -> items.insertOne(new Document("tenant", "t7").append("seq", 7L)));
            assertDuplicate(() -> items.insertOne(new Document("_id", "id-3")));
            items.insertOne(new Document("_id", "id-50").append("tenant", "t50").append("seq", 50L));
        });
        assertThat(indexMaps(file)).containsExactlyInAnyOrder(
                "db.items._keys__id_", "db.items._keys_tenant_1_seq_1");
    }

    @Test
    void aMoveCutShortStartsOverFromTheLegacyIndex() {
        String file = dir.resolve("cut.mv").toString();
        withCollection(new H2Backend(file), items -> items.insertMany(items(10)));
        MVStore store = MVStore.open(file);
        MVMap<KeyValue, Object> halfMoved = store.openMap("db.items._keys__id_",
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueOrder()));
        halfMoved.put(new KeyValue("ghost"), "nowhere");
        store.close();

        withCollection(NarrowingBackends.file(file), items -> {
            items.insertOne(new Document("_id", "ghost"));
            assertDuplicate(() -> items.insertOne(new Document("_id", "id-9")));
            assertThat(items.countDocuments()).isEqualTo(11);
        });
    }

    @Test
    void droppedIndexesAndCollectionsLeaveNoKeysBehind() {
        String file = dir.resolve("dropped.mv").toString();
        withCollection(NarrowingBackends.file(file), items -> {
            items.createIndex(Indexes.ascending("tenant", "seq"), new IndexOptions().unique(true));
            items.insertMany(items(20));
            items.dropIndex("tenant_1_seq_1");
            items.insertOne(new Document("tenant", "t7").append("seq", 7L));
            items.deleteMany(Filters.exists("_id"));
            items.createIndex(Indexes.ascending("tenant", "seq"), new IndexOptions().unique(true));
            items.insertOne(new Document("tenant", "t7").append("seq", 7L));

            items.drop();
            items.createIndex(Indexes.ascending("tenant", "seq"), new IndexOptions().unique(true));
            items.insertMany(items(20));
            assertThat(items.countDocuments()).isEqualTo(20);
        });
    }

    private static List<KeyValue> sampleKeys() {
        List<Object> values = new ArrayList<>(Arrays.asList(null, 0.0, 1.0, -1.5, Double.NaN, 1e300,
                Long.MAX_VALUE, Long.MAX_VALUE - 1, 3, "", "a", "b", "ab", "ä", true, false,
                new ObjectId("5f0000000000000000000001"), new ObjectId("5f0000000000000000000002"),
                UUID.fromString("00000000-0000-0000-0000-000000000001"), Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-27T10:00:01Z"), new Date(0), new Date(1),
                new de.bwaldvogel.mongo.bson.Document("x", 1.0), new de.bwaldvogel.mongo.bson.Document("x", 2.0),
                new de.bwaldvogel.mongo.bson.Document("x", 1.0).append("y", "z"), List.of(1.0, "a"), List.of(1.0)));
        values.add(new String("a"));
        values.add(new de.bwaldvogel.mongo.bson.Document("x", 1.0));
        List<KeyValue> keys = new ArrayList<>();
        for (Object value : values) {
            keys.add(new KeyValue(Arrays.asList(value)));
        }
        for (Object first : List.of("t1", "t2", 1.0)) {
            for (Object second : Arrays.asList(null, 1.0, 2.0, "x")) {
                keys.add(new KeyValue(Arrays.asList(first, second)));
            }
        }
        return keys;
    }

    private static boolean serializedAlike(KeyValue a, KeyValue b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(ObjectDataType.serialize(a.get(i)), ObjectDataType.serialize(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** 50 items under a unique index on (tenant, seq): item i is {@code id-i}, tenant {@code ti}, seq i. */
    private static void indexedItems(MongoCollection<Document> items) {
        items.createIndex(Indexes.ascending("tenant", "seq"), new IndexOptions().unique(true));
        items.insertMany(items(50));
    }

    private static List<Document> items(int count) {
        List<Document> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new Document("_id", "id-" + i).append("tenant", "t" + i).append("seq", (long) i));
        }
        return items;
    }

    private static void assertDuplicate(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(MongoWriteException.class, e ->
                assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }

    private static Set<String> indexMaps(String file) {
        MVStore store = MVStore.open(file);
        try {
            return store.getMapNames().stream().filter(name -> name.startsWith("db.items._"))
                    .collect(Collectors.toSet());
        } finally {
            store.close();
        }
    }

    private static void withCollection(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        StandInServer.withCollection(backend, "items", work);
    }
}
