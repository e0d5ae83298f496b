package dev.tenancy.query.replay;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.query.usage.VersionedDocuments;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The write-behind cache answers every call exactly as the real collection would, and writes each document once. */
class WriteBehindCollectionsTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://localhost:" + server.bind().getPort());
    private final MongoDatabase database = client.getDatabase("write_behind_test");
    private final MongoCollection<Document> direct = database.getCollection("direct");
    private final ReadModelCollections shadow = ReadModelCollections.fixed(database, Map.of("docs", "cached"));
    private WriteBehindCollections cache = new WriteBehindCollections(shadow, 1_000);
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    /** Runs {@code operation} on the plain collection and through the cache; both must answer the same. */
    private void same(String description, Function<MongoCollection<Document>, Object> operation) {
        Object expected = outcome(() -> operation.apply(direct));
        Object actual = outcome(() -> operation.apply(cache.get("docs")));
        log.add(description + " -> " + expected);
        assertThat(actual).as(description).isEqualTo(expected);
    }

    private static Object outcome(java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (MongoWriteException e) {
            return "write error " + e.getError().getCode() + " " + e.getError().getCategory();
        } catch (MongoCommandException e) {
            return "command error " + e.getErrorCode();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private void sameContents() {
        cache.flush();
        assertThat(database.getCollection("cached").find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                .as("contents after %s", log.size() > 5 ? log.subList(log.size() - 5, log.size()) : log)
                .isEqualTo(direct.find().sort(Sorts.ascending("_id")).into(new ArrayList<>()));
    }

    private static Bson guard(String id, long version) {
        return Filters.and(Filters.eq("_id", id), Filters.lt("version", version));
    }

    private static Bson byId(String id) {
        return Filters.eq("_id", id);
    }

    private static Object find(MongoCollection<Document> collection, String id) {
        return collection.find(byId(id)).first();
    }

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final ReplaceOptions REPLACE_UPSERT = new ReplaceOptions().upsert(true);

    @Test
    void versionGuardedWritesApplyOnceAndCollideOnOlderVersions() {
        Bson changes = Updates.combine(Updates.set("name", "Acme"), Updates.inc("count", 1),
                Updates.setOnInsert("createdAt", Instant.parse("2026-01-01T00:00:00Z")), Updates.set("version", 3L));
        same("upsert v3", c -> c.updateOne(guard("t1", 3), changes, UPSERT));
        same("again v3", c -> c.updateOne(guard("t1", 3), changes, UPSERT));
        same("older v2", c -> c.updateOne(guard("t1", 2), changes, UPSERT));
        same("update without upsert, older", c -> c.updateOne(guard("t1", 2), changes));
        same("update v5", c -> c.updateOne(guard("t1", 5),
                Updates.combine(Updates.inc("count", 2L), Updates.set("version", 5L),
                        Updates.setOnInsert("createdAt", Instant.EPOCH))));
        same("update of a missing document", c -> c.updateOne(guard("t2", 5), changes));
        same("replace v7", c -> c.replaceOne(guard("t1", 7),
                new Document("name", "Replaced").append("version", 7L), REPLACE_UPSERT));
        same("replace v7 again", c -> c.replaceOne(guard("t1", 7),
                new Document("name", "Replaced").append("version", 7L), REPLACE_UPSERT));
        same("replace v6 upsert", c -> c.replaceOne(guard("t1", 6), new Document("version", 6L), REPLACE_UPSERT));
        same("replace v6 no upsert", c -> c.replaceOne(guard("t1", 6), new Document("version", 6L)));
        same("replace new", c -> c.replaceOne(guard("t3", 1), new Document("_id", "t3").append("version", 1L),
                REPLACE_UPSERT));
        same("find t1", c -> find(c, "t1"));
        same("find t3", c -> find(c, "t3"));
        same("find missing", c -> find(c, "nope"));
        same("equality guard, no match", c -> c.updateOne(Filters.and(byId("t1"), Filters.eq("name", "Other")),
                Updates.set("x", 1)));
        same("equality guard upsert, exists", c -> c.updateOne(Filters.and(byId("t1"), Filters.eq("name", "Other")),
                Updates.set("x", 1), UPSERT));
        same("equality guard upsert, new", c -> c.updateOne(Filters.and(byId("t4"), Filters.eq("plan", "PRO"),
                Filters.eq("limits.seats", 5), Filters.gte("version", 0)), Updates.set("x", 1), UPSERT));
        same("plain-document filter", c -> c.updateOne(new Document("_id", "t4").append("version",
                new Document("$lt", 9)), Updates.set("version", 9)));
        same("find t4", c -> find(c, "t4"));
        sameContents();
    }

    @Test
    void operatorsMirrorMongoDb() {
        same("seed", c -> c.insertOne(new Document("_id", "d").append("i", 1).append("l", 5L).append("d", 1.5)
                .append("big", Integer.MAX_VALUE).append("tags", List.of("a", 1, 2L)).append("sub", new Document("n", 1))
                .append("at", Date.from(Instant.parse("2026-01-02T00:00:00Z"))).append("s", "text")));
        same("inc types", c -> c.updateOne(byId("d"), Updates.combine(Updates.inc("i", 1), Updates.inc("l", 1),
                Updates.inc("d", 1), Updates.inc("big", 1), Updates.inc("new.deep.n", 2L), Updates.inc("sub.n", 0.5))));
        same("inc int+long", c -> c.updateOne(byId("d"), Updates.inc("i", 3L)));
        same("inc zero", c -> c.updateOne(byId("d"), Updates.inc("l", 0)));
        same("max/min numbers", c -> c.updateOne(byId("d"), Updates.combine(Updates.max("i", 100), Updates.min("l", 2.5),
                Updates.max("d", 1), Updates.min("missing.m", 7))));
        same("max/min equal", c -> c.updateOne(byId("d"), Updates.combine(Updates.max("i", 100L), Updates.min("l", 2.5))));
        same("max dates", c -> c.updateOne(byId("d"), Updates.max("at", Instant.parse("2026-02-01T00:00:00Z"))));
        same("min dates", c -> c.updateOne(byId("d"), Updates.min("at", Instant.parse("2027-02-01T00:00:00Z"))));
        same("max string vs number", c -> c.updateOne(byId("d"), Updates.max("s", 3)));
        same("push", c -> c.updateOne(byId("d"), Updates.combine(Updates.push("tags", "b"), Updates.push("fresh", 1),
                Updates.pushEach("sub.list", List.of(1, "two", new Document("k", 3))))));
        same("pull number", c -> c.updateOne(byId("d"), Updates.pull("tags", 1.0)));
        same("pull missing", c -> c.updateOne(byId("d"), Updates.pull("nothing.here", "x")));
        same("push to scalar", c -> c.updateOne(byId("d"), Updates.push("s", 1)));
        same("set values", c -> c.updateOne(byId("d"), Updates.combine(Updates.set("instant", Instant.EPOCH),
                Updates.set("unit", TimeUnit.SECONDS), Updates.set("long", 7L), Updates.set("int", 7),
                Updates.set("list", List.of(1, List.of(2L), new Document("a", "b"))),
                Updates.set("sub.inner.deep", new Document("x", Date.from(Instant.EPOCH))))));
        same("set same values", c -> c.updateOne(byId("d"), Updates.combine(Updates.set("long", 7L),
                Updates.set("unit", "SECONDS"))));
        same("nested change only", c -> c.updateOne(byId("d"), Updates.set("sub.inner.deep.x", 2)));
        same("find d after a nested change", c -> find(c, "d"));
        same("a scalar named to sort last", c -> c.updateOne(byId("d"), Updates.set("zz", "text")));
        // applied in field-name order: the nested change and the push come before the path the server refuses
        same("nested change and push, then a path the server refuses: nothing changes", c -> c.updateOne(byId("d"),
                Updates.combine(Updates.set("sub.m", 5), Updates.push("tags", "c"), Updates.set("zz.x", 1))));
        same("find d after the refused update", c -> find(c, "d"));
        same("set through a scalar", c -> c.updateOne(byId("d"), Updates.set("s.x", 1)));
        same("unset", c -> c.updateOne(byId("d"), Updates.combine(Updates.unset("i"), Updates.unset("sub.n"),
                Updates.unset("no.such"))));
        same("conflicting paths", c -> c.updateOne(byId("d"), Updates.combine(Updates.set("sub", 1),
                Updates.inc("sub.n", 1))));
        same("upsert with setOnInsert", c -> c.updateOne(byId("e"), Updates.combine(Updates.setOnInsert("born", 1),
                Updates.setOnInsert("a.b", "c"), Updates.inc("n", 1), Updates.push("p", 1)), UPSERT));
        same("setOnInsert on update", c -> c.updateOne(byId("e"), Updates.combine(Updates.setOnInsert("born", 2),
                Updates.inc("n", 1)), UPSERT));
        same("inc on a string", c -> c.updateOne(byId("d"), Updates.inc("s", 1)));
        same("find d", c -> find(c, "d"));
        same("find e", c -> find(c, "e"));
        sameContents();
    }

    @Test
    void valuesComeBackAsTheServerReturnsThem() {
        Instant at = Instant.parse("2026-03-04T05:06:07.891Z");
        cache.get("docs").insertOne(new Document("_id", "v").append("at", at).append("unit", TimeUnit.HOURS)
                .append("n", 1).append("l", 2L).append("list", List.of(1, 2)).append("sub", Map.of("k", "v")));
        Document found = cache.get("docs").find(byId("v")).first();
        assertThat(found.get("at")).isEqualTo(Date.from(at));
        assertThat(found.get("unit")).isEqualTo("HOURS");
        assertThat(found.get("n")).isInstanceOf(Integer.class);
        assertThat(found.get("l")).isInstanceOf(Long.class);
        assertThat(found.get("list")).isInstanceOf(List.class);
        assertThat(found.get("sub")).isEqualTo(new Document("k", "v"));
        found.append("n", 99).get("sub", Document.class).append("k", "changed");
        assertThat(cache.get("docs").find(byId("v")).first().get("n")).as("a copy").isEqualTo(1);
        assertThat(cache.stats().fallbacks()).isZero();
        cache.flush();
        assertThat(database.getCollection("cached").find(byId("v")).first())
                .isEqualTo(new Document("_id", "v").append("at", Date.from(at)).append("unit", "HOURS").append("n", 1)
                        .append("l", 2L).append("list", List.of(1, 2)).append("sub", new Document("k", "v")));
    }

    @Test
    void insertsCollideOnTheirIdAndGetAnIdLikeTheDriverGives() {
        same("insert", c -> c.insertOne(new Document("_id", "i").append("n", 1)));
        same("insert again", c -> c.insertOne(new Document("_id", "i").append("n", 2)));
        same("delete", c -> c.deleteOne(byId("i")));
        same("delete again", c -> c.deleteOne(byId("i")));
        same("insert after delete", c -> c.insertOne(new Document("_id", "i").append("n", 3)));
        same("guarded delete, no match", c -> c.deleteOne(Filters.and(byId("i"), Filters.gt("n", 3))));
        Document withoutId = new Document("n", 4);
        Object id = cache.get("docs").insertOne(withoutId).getInsertedId().asObjectId().getValue();
        assertThat(withoutId.get("_id")).isInstanceOf(ObjectId.class).isEqualTo(id);
        direct.insertOne(new Document("_id", id).append("n", 4));
        same("find generated", c -> c.find(Filters.eq("_id", id)).first());
        sameContents();
    }

    @Test
    void fallbacksSeeThePendingWritesAndCachedReadsSeeTheirEffects() {
        for (int i = 0; i < 6; i++) {
            String id = "f" + i;
            int n = i;
            same("upsert " + id, c -> c.updateOne(guard(id, 1), Updates.combine(Updates.set("tenantId", "t" + n % 2),
                    Updates.set("version", 1L)), UPSERT));
        }
        same("find by tenant", c -> c.find(Filters.eq("tenantId", "t1")).sort(Sorts.ascending("_id"))
                .into(new ArrayList<>()));
        same("count", c -> c.countDocuments());
        same("updateMany", c -> c.updateMany(Filters.eq("tenantId", "t0"), Updates.inc("n", 5)));
        same("find after updateMany", c -> find(c, "f0"));
        same("guarded after updateMany", c -> c.updateOne(guard("f2", 2), Updates.combine(Updates.inc("n", 1),
                Updates.set("version", 2L))));
        same("deleteMany", c -> c.deleteMany(Filters.eq("tenantId", "t1")));
        same("find deleted", c -> find(c, "f1"));
        same("upsert after deleteMany", c -> c.updateOne(guard("f3", 2), Updates.set("version", 2L), UPSERT));
        same("find by id, then into", c -> c.find(byId("f2")).into(new ArrayList<>()));
        same("find with conditions", c -> c.find(guard("f2", 9)).first());
        same("pipeline update", c -> c.updateOne(byId("f2"), List.of(Updates.set("p", 1))));
        same("find f2", c -> find(c, "f2"));
        sameContents();
        assertThat(cache.stats().fallbacks()).isEqualTo(7);
    }

    @Test
    void manyChangesToFewDocumentsAreWrittenOncePerFlush() {
        for (int i = 1; i <= 1000; i++) {
            String id = "c" + i % 10;
            cache.get("docs").updateOne(guard(id, i), Updates.combine(Updates.inc("count", 1),
                    Updates.set("version", (long) i)), UPSERT);
        }
        cache.flush();
        assertThat(cache.stats()).isEqualTo(new WriteBehindCollections.Stats(1000, 0, 10, 0));
        for (int i = 1001; i <= 1100; i++) {
            cache.get("docs").updateOne(guard("c" + i % 10, i), Updates.set("version", (long) i));
        }
        cache.flush();
        cache.flush();
        assertThat(cache.stats()).isEqualTo(new WriteBehindCollections.Stats(1100, 0, 20, 0));
        assertThat(database.getCollection("cached").find(byId("c3")).first())
                .isEqualTo(new Document("_id", "c3").append("count", 100).append("version", 1093L));
    }

    @Test
    void theStoresGuardsBuiltAsBsonAreAnsweredInMemory() {
        same("guarded upsert", c -> c.updateOne(VersionedDocuments.newerThanStored("v1", 3),
                Updates.combine(Updates.inc("n", 1), Updates.set("version", 3L)), UPSERT));
        same("replayed event", c -> c.updateOne(VersionedDocuments.newerThanStored("v1", 3), Updates.inc("n", 1)));
        same("replayed upsert", c -> c.updateOne(VersionedDocuments.newerThanStored("v1", 2), Updates.inc("n", 1),
                UPSERT));
        same("find by id", c -> c.find(new BsonDocument("_id", new BsonString("v1"))).first());
        assertThat(cache.stats().fallbacks()).isZero();
        sameContents();
    }

    @Test
    void pastItsSizeTheCacheForgetsDocumentsButNotWhichIdsExist() {
        cache = new WriteBehindCollections(shadow, 10);
        for (int i = 0; i < 100; i++) {
            String id = "a" + i;
            same("insert " + id, c -> c.insertOne(new Document("_id", id).append("version", 1L)));
        }
        cache.flush();
        assertThat(cache.cachedDocuments()).as("forgotten past 10 documents").isZero();

        for (int i = 0; i < 100; i++) {
            String id = "b" + i;
            same("insert " + id, c -> c.insertOne(new Document("_id", id).append("version", 1L)));
        }
        assertThat(cache.stats().documentsRead()).as("a new id needs no read").isZero();

        same("insert a forgotten id", c -> c.insertOne(new Document("_id", "a7")));
        same("find a forgotten id", c -> find(c, "a8"));
        same("guarded update of a forgotten id", c -> c.updateOne(guard("a9", 5), Updates.set("version", 5L)));
        same("upsert of an id never seen", c -> c.updateOne(guard("c1", 5), Updates.set("version", 5L), UPSERT));
        assertThat(cache.stats().documentsRead()).as("only the forgotten ids are read").isEqualTo(3);
        assertThat(cache.stats().fallbacks()).isZero();
        sameContents();

        cache.release();
        assertThat(cache.cachedDocuments()).isZero();
        same("after release, a forgotten id is still not taken for new", c -> c.insertOne(new Document("_id", "b3")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 1_000})
    void aRandomMixMatchesOperationByOperation(int maxCachedDocuments) {
        cache = new WriteBehindCollections(shadow, maxCachedDocuments);
        Random random = new Random(20260101);
        for (int step = 0; step < 3000; step++) {
            String id = "r" + random.nextInt(50);
            long version = random.nextInt(40);
            int kind = random.nextInt(100);
            Number number = switch (random.nextInt(4)) {
                case 0 -> (Number) random.nextInt(3);
                case 1 -> (long) random.nextInt(3);
                case 2 -> random.nextInt(4) / 2.0;
                default -> Integer.MAX_VALUE;
            };
            Bson changes = randomChanges(random, number, version);
            String status = random.nextBoolean() ? "A" : "B";
            if (kind < 25) {
                same(step + " find " + id, c -> find(c, id));
            } else if (kind < 50) {
                same(step + " guarded upsert " + id, c -> c.updateOne(guard(id, version), changes, UPSERT));
            } else if (kind < 58) {
                same(step + " guarded update " + id, c -> c.updateOne(guard(id, version), changes));
            } else if (kind < 63) {
                same(step + " status update " + id, c -> c.updateOne(Filters.and(byId(id), Filters.eq("status",
                        status)), changes, UPSERT));
            } else if (kind < 70) {
                same(step + " guarded replace " + id, c -> c.replaceOne(guard(id, version), new Document("status",
                        status).append("version", version).append("at", Instant.ofEpochSecond(version)), REPLACE_UPSERT));
            } else if (kind < 75) {
                same(step + " replace " + id, c -> c.replaceOne(byId(id), new Document("_id", id).append("n", String.valueOf(number))));
            } else if (kind < 82) {
                same(step + " insert " + id, c -> c.insertOne(new Document("_id", id).append("status", status)
                        .append("version", version)));
            } else if (kind < 88) {
                Bson filter = random.nextBoolean() ? byId(id) : Filters.and(byId(id), Filters.lte("version", 20));
                same(step + " delete " + id, c -> c.deleteOne(filter));
            } else if (kind < 93) {
                cache.flush();
            } else if (kind < 95) {
                same(step + " find by status", c -> c.find(Filters.eq("status", status)).sort(Sorts.ascending("_id"))
                        .into(new ArrayList<>()));
            } else if (kind < 97) {
                same(step + " updateMany", c -> c.updateMany(Filters.eq("status", status), Updates.inc("n", 1)));
            } else if (kind < 98) {
                same(step + " deleteMany", c -> c.deleteMany(Filters.gt("version", 35)));
            } else {
                same(step + " count", c -> c.countDocuments(Filters.eq("status", status)));
            }
        }
        sameContents();
        assertThat(cache.stats().inMemory()).isGreaterThan(cache.stats().fallbacks());
    }

    private static Bson randomChanges(Random random, Number number, long version) {
        List<Bson> changes = new ArrayList<>();
        changes.add(Updates.set("version", version));
        switch (random.nextInt(10)) {
            case 0 -> changes.add(Updates.inc("n", number));
            case 1 -> changes.add(Updates.inc("stats.day.n", number));
            case 2 -> changes.add(Updates.max("peak", number));
            case 3 -> changes.add(Updates.min("low.value", number));
            case 4 -> changes.add(Updates.push("tags", number));
            case 5 -> changes.add(Updates.pull("tags", number));
            case 6 -> changes.add(Updates.setOnInsert("createdAt", Instant.ofEpochMilli(version)));
            case 7 -> changes.add(Updates.unset(random.nextBoolean() ? "n" : "stats.day"));
            case 8 -> changes.add(Updates.set(random.nextBoolean() ? "stats" : "status", random.nextBoolean() ? "A"
                    : new Document("day", new Document("n", 1L))));
            default -> changes.add(Updates.max("seen", new Date(version * 1000)));
        }
        if (random.nextInt(4) == 0) {
            changes.add(Updates.inc("n", 1));
        }
        return Updates.combine(changes);
    }
}
