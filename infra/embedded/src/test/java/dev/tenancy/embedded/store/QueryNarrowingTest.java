package dev.tenancy.embedded.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryNarrowingTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    private long narrowedQueries;

    @Test
    void answersEveryQueryAsThePlainServerDoesInMemory() {
        assertSameAnswers(new MemoryBackend(), NarrowingBackends.memory());
    }

    @Test
    void answersEveryQueryAsThePlainServerDoesOnFile() {
        assertSameAnswers(H2Backend.inMemory(), NarrowingBackends.file(dir.resolve("narrowed.mv").toString()));
    }

    @Test
    void anEventStreamQueryExaminesOnlyTheAskedPartOfThatAggregatesEvents() {
        withEvents(200, 10, (events, stats) -> {
            long before = stats.examinedCandidates();

            List<Document> stream = events.find(and(eq("aggregateIdentifier", "agg-7"), gte("sequenceNumber", 3L)))
                    .sort(Sorts.ascending("sequenceNumber")).into(new ArrayList<>());

            assertThat(stream).extracting(document -> document.getLong("sequenceNumber"))
                    .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
            assertThat(stats.examinedCandidates() - before).isEqualTo(7);
        });
    }

    @Test
    void aBatchOfALongStreamExaminesOnlyThatBatch() {
        withEvents(3, 400, (events, stats) -> {
            long before = stats.examinedCandidates();

            List<Document> batch = events.find(and(eq("aggregateIdentifier", "agg-1"), gte("sequenceNumber", 100L)))
                    .sort(Sorts.ascending("sequenceNumber")).limit(7).into(new ArrayList<>());
            Document newest = events.find(eq("aggregateIdentifier", "agg-2"))
                    .sort(Sorts.descending("sequenceNumber")).first();

            assertThat(batch).extracting(document -> document.getLong("sequenceNumber"))
                    .containsExactly(100L, 101L, 102L, 103L, 104L, 105L, 106L);
            assertThat(newest.getLong("sequenceNumber")).isEqualTo(399L);
            assertThat(stats.examinedCandidates() - before).as("7 and 1, not 300 and 400").isEqualTo(8);
        });
    }

    @Test
    void aTrackingPollExaminesOnlyTheEventsSinceItsToken() {
        withEvents(100, 10, (events, stats) -> {
            long before = stats.examinedCandidates();

            String since = T0.plusSeconds(995).toString();
            List<Document> tail = events.find(and(gte("timestamp", since), nin("eventIdentifier", List.of("e-0-0"))))
                    .sort(Sorts.ascending("timestamp", "sequenceNumber")).into(new ArrayList<>());

            assertThat(tail).hasSize(5);
            assertThat(stats.examinedCandidates() - before).isEqualTo(5);
        });
    }

    @Test
    void aTrackingPollHandsTheServerOnlyTheEventsItHasNotSeen() {
        withEvents(100, 10, (events, stats) -> {
            List<String> seen = new ArrayList<>();
            for (int n = 900; n < 995; n++) {
                seen.add("e-" + n % 100 + "-" + n / 100);
            }
            long before = stats.examinedCandidates();

            List<Document> tail = events.find(and(gte("timestamp", T0.plusSeconds(900).toString()),
                    nin("eventIdentifier", seen))).sort(Sorts.ascending("timestamp", "sequenceNumber"))
                    .into(new ArrayList<>());

            assertThat(tail).extracting(document -> document.getString("eventIdentifier"))
                    .containsExactly("e-95-9", "e-96-9", "e-97-9", "e-98-9", "e-99-9");
            assertThat(stats.examinedCandidates() - before).isEqualTo(5);
        });
    }

    @Test
    void theNewestEventIsFoundWithoutLookingAtTheOthers() {
        withEvents(20, 10, (events, stats) -> {
            long before = stats.examinedCandidates();
            Document newest = events.find().sort(Sorts.descending("timestamp", "sequenceNumber")).limit(1).first();
            Document oldest = events.find().sort(Sorts.ascending("timestamp")).first();

            assertThat(newest).extracting(document -> document.get("eventIdentifier")).isEqualTo("e-19-9");
            assertThat(oldest).extracting(document -> document.get("eventIdentifier")).isEqualTo("e-0-0");
            assertThat(stats.examinedCandidates() - before).isEqualTo(2);
        });
    }

    @Test
    void aCountExaminesOnlyWhatItsMatchCanFind() {
        withEvents(20, 10, (events, stats) -> {
            long before = stats.examinedCandidates();
            long after = events.countDocuments(gte("timestamp", T0.plusSeconds(195).toString()));

            assertThat(after).isEqualTo(5);
            assertThat(stats.examinedCandidates() - before).isEqualTo(5);
        });
    }

    @Test
    void aVersionGuardedWriteFindsItsDocumentById() {
        MongoBackend backend = NarrowingBackends.memory();
        withCollection(backend, counters -> {
            for (int i = 0; i < 500; i++) {
                counters.insertOne(new Document("_id", "c-" + i).append("version", 1L).append("used", 0L));
            }
            NarrowingStats stats = stats(backend);
            long before = stats.examinedCandidates();

            counters.updateOne(and(eq("_id", "c-42"), lt("version", 2L)), Updates.combine(
                    Updates.inc("used", 5L), Updates.set("version", 2L)));
            counters.updateOne(and(eq("_id", "c-42"), lt("version", 2L)), Updates.inc("used", 5L));

            assertThat(counters.find(eq("_id", "c-42")).first().getLong("used")).isEqualTo(5L);
            assertThat(stats.examinedCandidates() - before).isEqualTo(2);
        });
    }

    @Test
    void aSmallCollectionIsScannedAsBefore() {
        MongoBackend backend = NarrowingBackends.memory();
        withCollection(backend, counters -> {
            for (int i = 0; i < QueryNarrowing.WORTH_IT - 1; i++) {
                counters.insertOne(new Document("_id", "c-" + i).append("version", 1L));
            }
            counters.updateOne(and(eq("_id", "c-7"), lt("version", 2L)), Updates.set("version", 2L));

            assertThat(counters.find(eq("version", 2L)).into(new ArrayList<>()))
                    .extracting(document -> document.getString("_id")).containsExactly("c-7");
            assertThat(stats(backend).narrowedQueries()).isZero();
        });
    }

    @Test
    void keepsNarrowingAfterARestartOfTheFile() {
        String file = dir.resolve("restart.mv").toString();
        MongoBackend first = NarrowingBackends.file(file);
        withCollection(first, events -> {
            createIndexes(events);
            events.insertMany(events(50, 4));
        });
        first.close();

        MongoBackend reopened = NarrowingBackends.file(file);
        withCollection(reopened, events -> {
            NarrowingStats stats = stats(reopened);
            long before = stats.examinedCandidates();
            assertThat(events.find(and(eq("aggregateIdentifier", "agg-3"), gte("sequenceNumber", 0L)))
                    .into(new ArrayList<>())).extracting(document -> document.getString("eventIdentifier"))
                    .containsExactly("e-3-0", "e-3-1", "e-3-2", "e-3-3");
            assertThat(stats.examinedCandidates() - before).isEqualTo(4);
        });
        reopened.close();
    }

    /** Runs the same writes and queries against a plain and a narrowing server; every answer must be identical. */
    private void assertSameAnswers(MongoBackend plain, MongoBackend narrowing) {
        List<List<Document>> expected = answers(plain);
        List<List<Document>> actual = answers(narrowing);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("answer %d", i).containsExactlyElementsOf(expected.get(i));
        }
        assertThat(narrowedQueries).isGreaterThan(30);
    }

    private List<List<Document>> answers(MongoBackend backend) {
        List<List<Document>> answers = new ArrayList<>();
        withCollection(backend, events -> {
            createIndexes(events);
            events.insertMany(events(30, 5));
            events.insertMany(oddDocuments());
            for (Bson query : queries()) {
                answers.add(events.find(query).into(new ArrayList<>()));
                answers.add(events.find(query).sort(Sorts.descending("sequenceNumber", "eventIdentifier"))
                        .into(new ArrayList<>()));
            }
            events.updateMany(and(eq("aggregateIdentifier", "agg-2"), gte("sequenceNumber", 3L)),
                    Updates.set("aggregateIdentifier", "agg-moved"));
            events.updateOne(eq("_id", "odd-string"), Updates.set("timestamp", T0.plusSeconds(1).toString()));
            events.deleteMany(and(eq("aggregateIdentifier", "agg-5"), lt("sequenceNumber", 2L)));
            events.deleteOne(eq("_id", "odd-array"));
            for (Bson query : queries()) {
                answers.add(events.find(query).into(new ArrayList<>()));
            }
            answers.add(List.of(new Document("count", events.countDocuments(eq("aggregateIdentifier", "agg-moved")))));
            firstInOrder(events).forEach(answers::add);
            firstOfOne(events).forEach(answers::add);
            for (Bson query : queries()) {
                answers.add(List.of(new Document("count", events.countDocuments(query))));
                answers.add(events.aggregate(List.of(Aggregates.match(query), Aggregates.sort(Sorts.descending("_id")),
                        Aggregates.limit(3))).into(new ArrayList<>()));
            }
            if (((AbstractMongoBackend) backend).resolveDatabase("db").resolveCollection("events", true)
                    instanceof NarrowedCollection narrowed) {
                narrowedQueries = narrowed.narrowing().narrowedQueries();
            }
        });
        backend.close();
        return answers;
    }

    private static List<Bson> queries() {
        String mid = T0.plusSeconds(60).toString();
        return List.of(
                eq("aggregateIdentifier", "agg-2"),
                and(eq("aggregateIdentifier", "agg-2"), gte("sequenceNumber", 2L)),
                and(eq("aggregateIdentifier", "agg-moved"), gte("sequenceNumber", 0L)),
                in("aggregateIdentifier", List.of("agg-1", "agg-9", "agg-none", "agg-1")),
                gte("timestamp", mid),
                gt("timestamp", mid),
                lt("timestamp", mid),
                lte("timestamp", mid),
                and(gte("timestamp", mid), lt("timestamp", T0.plusSeconds(90).toString())),
                and(gte("timestamp", mid), lt("timestamp", T0.plusSeconds(10).toString())),
                and(gt("timestamp", mid), lte("timestamp", mid)),
                and(gte("timestamp", mid), lte("timestamp", mid)),
                and(gte("timestamp", T0.plusSeconds(100).toString()), nin("eventIdentifier", List.of("e-20-0"))),
                and(gte("timestamp", T0.plusSeconds(20).toString()), nin("eventIdentifier", manyIds())),
                and(gte("timestamp", mid), nin("n", List.of(61L, 62, 63L, 64, 65L, 66, 67L, 68, 69L, 70, 71L, 72,
                        73L, 74, 75L, 76, 12L))),
                and(gte("sequenceNumber", 0L), nin("aggregateIdentifier", List.of("agg-0", "agg-1", "agg-2", "agg-3",
                        "agg-4", "agg-5", "agg-6", "agg-7", "agg-8", "agg-9", "agg-10", "agg-11", "agg-12", "agg-13",
                        "agg-14", "agg-15", "shared"))),
                new Document("timestamp", new Document("$gte", mid).append("$ne", T0.plusSeconds(70).toString())),
                nin("eventIdentifier", manyIds()),
                and(gte("timestamp", mid), new Document("eventIdentifier", new Document("$nin", manyIds())
                        .append("$ne", "e-25-3"))),
                and(gte("timestamp", mid), nin("eventIdentifier", manyIds()), nin("eventIdentifier",
                        List.of("e-27-3", "e-29-1"))),
                and(gte("timestamp", mid), nin("eventIdentifier", manyIds()), nin("eventIdentifier",
                        manyIds().stream().map(id -> id.replace("-1", "-3")).toList())),
                new Document("eventIdentifier", new Document("$nin", manyIds())).append("$and",
                        List.of(new Document("timestamp", new Document("$gte", mid)))),
                and(nin("eventIdentifier", manyIds()), and(gte("timestamp", mid), nin("eventIdentifier",
                        List.of("e-27-3")))),
                and(gte("n", 0), nin("n", List.of(1L, 2, 3L, 4, 5L, 6, 7L, 8, 9L, 10, 11L, 13, 14L, 15, 16L, 17))),
                and(eq("_id", "odd-string"), exists("timestamp")),
                and(in("_id", List.of("odd-string", "odd-array", "nothing")), lt("version", 5)),
                eq("aggregateIdentifier", "shared"),
                regex("aggregateIdentifier", "^agg-1"),
                or(eq("aggregateIdentifier", "agg-3"), eq("aggregateIdentifier", "agg-4")),
                and(eq("aggregateIdentifier", "agg-3"), or(eq("sequenceNumber", 1L), eq("sequenceNumber", 4L))),
                eq("slug", "unique-7"),
                eq("n", 12L),
                eq("n", 12),
                eq("n", 12.0),
                and(gte("n", 10), lt("n", 20L)),
                gt("n", 140.5),
                and(eq("aggregateIdentifier", "agg-4"), gte("sequenceNumber", 2L)),
                and(eq("aggregateIdentifier", "agg-4"), lte("sequenceNumber", 2.5)),
                and(in("aggregateIdentifier", List.of("agg-4", "agg-6")), gt("sequenceNumber", 1)),
                gte("when", new Date(T0.plusSeconds(30).toEpochMilli())),
                eq("aggregateIdentifier", new ObjectId("650000000000000000000001")),
                new Document());
    }

    /** Sorted on an indexed field with a limit and no condition: across types, ties and unorderable values. */
    private static List<List<Document>> firstInOrder(MongoCollection<Document> events) {
        List<List<Document>> answers = new ArrayList<>();
        for (Bson order : List.of(Sorts.descending("timestamp", "sequenceNumber"), Sorts.ascending("timestamp"),
                Sorts.descending("n"), Sorts.ascending("n", "_id"), Sorts.ascending("aggregateIdentifier"),
                Sorts.descending("aggregateIdentifier", "sequenceNumber"), Sorts.descending("when"))) {
            for (int limit : List.of(1, 3, 7)) {
                answers.add(events.find().sort(order).limit(limit).into(new ArrayList<>()));
                answers.add(events.find().sort(order).skip(2).limit(limit).into(new ArrayList<>()));
            }
            answers.add(events.find().sort(order).into(new ArrayList<>()));
        }
        return answers;
    }

    /** Event ids as a tracking poll sends them: most of the window, plus some of no event at all. */
    private static List<String> manyIds() {
        List<String> ids = new ArrayList<>();
        for (int aggregate = 0; aggregate < 30; aggregate += 2) {
            ids.add("e-" + aggregate + "-1");
            ids.add("e-" + aggregate + "-2");
        }
        ids.addAll(List.of("odd-1", "odd-2", "odd-4", "no-such-event"));
        return ids;
    }

    /** One aggregate's events a batch at a time, or its newest: across ties, types and unorderable values. */
    private static List<List<Document>> firstOfOne(MongoCollection<Document> events) {
        List<List<Document>> answers = new ArrayList<>();
        List<Bson> queries = List.of(
                and(eq("aggregateIdentifier", "agg-4"), gte("sequenceNumber", 1L)),
                and(eq("aggregateIdentifier", "agg-4"), gt("sequenceNumber", 1)),
                and(eq("aggregateIdentifier", "agg-4"), gte("sequenceNumber", 1L), lt("sequenceNumber", 4L)),
                and(eq("aggregateIdentifier", "agg-4"), lte("sequenceNumber", 3L)),
                and(eq("aggregateIdentifier", "agg-4"), gte("sequenceNumber", "2")),
                and(eq("aggregateIdentifier", "agg-4"), lt("sequenceNumber", "4")),
                and(eq("aggregateIdentifier", "agg-4"), gte("sequenceNumber", 0L), lt("sequenceNumber", "9")),
                new Document("aggregateIdentifier", "agg-4").append("sequenceNumber", new Document("$gte", 0L)
                        .append("$gt", 2L)),
                new Document("aggregateIdentifier", new Document("$eq", "agg-3"))
                        .append("sequenceNumber", new Document("$gte", 0L)),
                and(eq("aggregateIdentifier", "agg-3"), gte("sequenceNumber", 0L), ne("eventIdentifier", "e-3-1")),
                and(eq("aggregateIdentifier", "shared"), gte("sequenceNumber", 0L)),
                and(eq("aggregateIdentifier", "agg-moved"), gte("sequenceNumber", 3L)),
                eq("aggregateIdentifier", "agg-4"),
                eq("aggregateIdentifier", "shared"));
        for (Bson query : queries) {
            for (Bson order : List.of(Sorts.ascending("sequenceNumber"), Sorts.descending("sequenceNumber"))) {
                for (int limit : List.of(1, 2, 3, 7)) {
                    answers.add(events.find(query).sort(order).limit(limit).into(new ArrayList<>()));
                    answers.add(events.find(query).sort(order).skip(1).limit(limit).into(new ArrayList<>()));
                }
            }
        }
        return answers;
    }

    private static List<Document> events(int aggregates, int perAggregate) {
        List<Document> events = new ArrayList<>();
        for (int sequence = 0; sequence < perAggregate; sequence++) {
            for (int aggregate = 0; aggregate < aggregates; aggregate++) {
                int n = events.size();
                events.add(new Document("_id", new ObjectId(String.format("%024x", n)))
                        .append("aggregateIdentifier", "agg-" + aggregate)
                        .append("sequenceNumber", (long) sequence)
                        .append("eventIdentifier", "e-" + aggregate + "-" + sequence)
                        .append("timestamp", T0.plusSeconds(n).toString())
                        .append("when", new Date(T0.plusSeconds(n).toEpochMilli()))
                        .append("slug", "unique-" + n)
                        .append("n", n % 3 == 0 ? Integer.valueOf(n) : Long.valueOf(n)));
            }
        }
        return events;
    }

    /** Values the narrowing cannot order: they must still be found whenever the plain server finds them. */
    private static List<Document> oddDocuments() {
        return List.of(
                new Document("_id", "odd-double").append("aggregateIdentifier", "agg-4").append("sequenceNumber", 2.5)
                        .append("n", 12.0).append("eventIdentifier", "odd-5"),
                new Document("_id", "odd-number-string").append("aggregateIdentifier", "agg-4")
                        .append("sequenceNumber", "3").append("n", "12").append("eventIdentifier", "odd-6"),
                new Document("_id", "odd-string").append("aggregateIdentifier", List.of("shared", "agg-3"))
                        .append("sequenceNumber", 99L).append("version", 1).append("eventIdentifier", "odd-1"),
                new Document("_id", "odd-array").append("aggregateIdentifier", "shared").append("sequenceNumber", 98L)
                        .append("timestamp", List.of(T0.plusSeconds(200).toString())).append("version", 9)
                        .append("eventIdentifier", "odd-2"),
                new Document("_id", "odd-object-id").append("aggregateIdentifier", new ObjectId("650000000000000000000001"))
                        .append("sequenceNumber", 97L).append("timestamp", 12).append("eventIdentifier", "odd-3"),
                new Document("_id", "odd-null").append("aggregateIdentifier", null).append("sequenceNumber", 96L)
                        .append("timestamp", new Document("nested", true)).append("eventIdentifier", "odd-4"));
    }

    private static void createIndexes(MongoCollection<Document> events) {
        events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"),
                new IndexOptions().unique(true).name("uniqueAggregateIndex"));
        events.createIndex(Indexes.ascending("timestamp", "sequenceNumber"),
                new IndexOptions().name("orderedEventStreamIndex"));
        events.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true).sparse(true));
        events.createIndex(Indexes.ascending("n"));
    }

    private static NarrowingStats stats(MongoBackend backend) {
        return ((NarrowedCollection) ((AbstractMongoBackend) backend).resolveDatabase("db")
                .resolveCollection("events", true)).narrowing();
    }

    /** A narrowing collection with {@code aggregates} x {@code perAggregate} events and the event indexes. */
    private static void withEvents(int aggregates, int perAggregate,
                                   BiConsumer<MongoCollection<Document>, NarrowingStats> work) {
        MongoBackend backend = NarrowingBackends.memory();
        withCollection(backend, events -> {
            createIndexes(events);
            events.insertMany(events(aggregates, perAggregate));
            work.accept(events, stats(backend));
        });
    }

    private static void withCollection(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        StandInServer.withCollection(backend, "events", work);
    }
}
