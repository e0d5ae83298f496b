package dev.tenancy.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    private static final int DUPLICATE_KEY = 11000;

    @TempDir
    Path dataDir;

    @Test
    void keepsDocumentsAndUniqueIndexesAcrossRestart() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(dataDir, 0)) {
            assertThat(mongo.connectionString()).isEqualTo("mongodb://localhost:" + mongo.port());
            withTenants(mongo, tenants -> {
                tenants.createIndex(Indexes.ascending("slug"), new IndexOptions().unique(true));
                tenants.insertMany(List.of(tenant("acme"), tenant("globex"), tenant("initech")));
                assertDuplicateRejected(tenants, "acme");
            });
        }
        assertThat(dataDir.resolve("mongo/tenancy.mv")).isRegularFile();

        try (EmbeddedMongo restarted = EmbeddedMongo.start(dataDir, 0)) {
            withTenants(restarted, tenants -> {
                assertThat(tenants.find().map(d -> d.getString("slug")).into(new ArrayList<>()))
                        .containsExactlyInAnyOrder("acme", "globex", "initech");
                assertDuplicateRejected(tenants, "globex");
            });
        }
    }

    @Test
    void runsInMemoryWithChangeStreamsWhenAskedFor() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(null, 0, true)) {
            withTenants(mongo, tenants -> {
                try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> changes = tenants.watch().cursor()) {
                    tenants.insertOne(tenant("umbrella"));

                    ChangeStreamDocument<Document> change = await().atMost(Duration.ofSeconds(10))
                            .until(changes::tryNext, Objects::nonNull);

                    assertThat(change.getFullDocument()).containsEntry("slug", "umbrella");
                }
            });
        }
    }

    @Test
    void refusesAPortAlreadyInUse() {
        try (EmbeddedMongo first = EmbeddedMongo.startInMemory(0)) {
            assertThatThrownBy(() -> EmbeddedMongo.startInMemory(first.port()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(first.port()));
        }
    }

    private static void withTenants(EmbeddedMongo mongo, Consumer<MongoCollection<Document>> action) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            action.accept(client.getDatabase("tenancy").getCollection("tenants"));
        }
    }

    private static void assertDuplicateRejected(MongoCollection<Document> tenants, String slug) {
        assertThatThrownBy(() -> tenants.insertOne(tenant(slug)))
                .isInstanceOfSatisfying(MongoWriteException.class,
                        e -> assertThat(e.getCode()).isEqualTo(DUPLICATE_KEY));
    }

    private static Document tenant(String slug) {
        return new Document("slug", slug).append("name", slug.toUpperCase());
    }
}
