package dev.tenancy.query.analytics;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.query.replay.ReadModelCollections;
import dev.tenancy.query.usage.VersionedDocuments;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.tenancy.query.analytics.AnalyticsDocuments.ID;
import static dev.tenancy.query.analytics.AnalyticsDocuments.VERSION;

/**
 * A collection of documents that each belong to one tenant and remember the aggregate sequence number of the last
 * event applied to them. A write is one atomic update that also checks {@code version < sequence}: an event that a
 * document already reflects (a redelivery, a batch retried after a crash) changes nothing, increments included.
 */
final class GuardedCollection {

    private final ReadModelCollections collections;
    private final String name;

    GuardedCollection(ReadModelCollections collections, String name) {
        this.collections = collections;
        this.name = name;
    }

    /** Looked up on every call, so a rebuild's switch to new collections takes effect at once. */
    MongoCollection<Document> collection() {
        return collections.get(name);
    }

    /** The logical name, the same whichever physical collection is live. */
    String name() {
        return name;
    }

    Optional<Document> find(String id) {
        return Optional.ofNullable(collection().find(Filters.eq(ID, id)).first());
    }

    /**
     * Applies {@code changes} to the document, creating it when missing, unless it has seen {@code sequence}. The
     * upsert of a document that is already newer collides on its id: that collision means "already applied".
     */
    void upsert(String id, long sequence, List<Bson> changes) {
        try {
            collection().updateOne(VersionedDocuments.newerThanStored(id, sequence),
                    Updates.combine(Updates.combine(changes), Updates.set(VERSION, sequence)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    List<Document> all() {
        return collection().find().sort(Sorts.ascending(ID)).into(new ArrayList<>());
    }

    void deleteAll() {
        collection().deleteMany(new Document());
    }
}
