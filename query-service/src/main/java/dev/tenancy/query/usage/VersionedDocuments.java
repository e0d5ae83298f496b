package dev.tenancy.query.usage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.tenancy.query.replay.ReadModelCollections;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;
import java.util.Optional;

import static dev.tenancy.query.usage.UsageDocuments.ID;
import static dev.tenancy.query.usage.UsageDocuments.VERSION;

/**
 * A collection whose every write carries the aggregate sequence number of the event that caused it and is applied
 * only to a document that has not seen that event yet ({@code version < sequence}): a redelivered or replayed event
 * changes nothing. An upsert against a document that is already newer collides on its id; that collision is the
 * "already applied" answer and is swallowed. Every read model of the tenant aggregate's events writes this way.
 */
public final class VersionedDocuments {

    private final ReadModelCollections collections;
    private final String name;

    public VersionedDocuments(ReadModelCollections collections, String name) {
        this.collections = collections;
        this.name = name;
    }

    /** Looked up on every call, so a rebuild's switch to new collections takes effect at once. */
    public MongoCollection<Document> collection() {
        return collections.get(name);
    }

    public String name() {
        return name;
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(collection().find(new BsonDocument(ID, new BsonString(id))).first());
    }

    /** The document, if it has not applied {@code sequence} yet. */
    public Optional<Document> unapplied(String id, long sequence) {
        return unapplied(find(id), sequence);
    }

    /** {@code found}, if it has not applied {@code sequence} yet. */
    public static Optional<Document> unapplied(Optional<Document> found, long sequence) {
        return found.filter(document -> UsageDocuments.number(document.get(VERSION)) < sequence);
    }

    /** Creates or replaces the document unless it already reflects {@code sequence}. */
    public void replace(String id, long sequence, Document document) {
        ignoringApplied(() -> collection().replaceOne(newerThanStored(id, sequence),
                document.append(ID, id).append(VERSION, sequence), new ReplaceOptions().upsert(true)));
    }

    /** Applies {@code changes} to an existing document unless it already reflects {@code sequence}. */
    public void update(String id, long sequence, List<Bson> changes) {
        collection().updateOne(newerThanStored(id, sequence), withVersion(changes, sequence));
    }

    /** Like {@link #update}, creating the document when there is none. */
    public void upsert(String id, long sequence, List<Bson> changes) {
        ignoringApplied(() -> collection().updateOne(newerThanStored(id, sequence), withVersion(changes, sequence),
                new UpdateOptions().upsert(true)));
    }

    public void deleteAll() {
        collection().deleteMany(new Document());
    }

    private static Bson withVersion(List<Bson> changes, long sequence) {
        return Updates.combine(Updates.combine(changes), Updates.set(VERSION, sequence));
    }

    /**
     * {@code {_id: id, version: {$lt: sequence}}}, the guard of every versioned write. Built as BSON, so neither the
     * driver nor a rebuild's write-behind cache has to render it from builders for each event.
     */
    public static Bson newerThanStored(String id, long sequence) {
        return new BsonDocument(ID, new BsonString(id)).append(VERSION, new BsonDocument("$lt", new BsonInt64(sequence)));
    }

    private static void ignoringApplied(Runnable write) {
        try {
            write.run();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }
}
