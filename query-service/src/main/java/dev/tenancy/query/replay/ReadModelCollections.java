package dev.tenancy.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.Map;

/**
 * Where a read model's collections physically are. A projection and its store ask for a collection by its logical
 * name on every operation (never keep the answer): the live binding follows the {@link CollectionRegistry}, so a
 * switch after a rebuild takes effect at once; a rebuild binds a fresh projection to its shadow collections.
 */
@FunctionalInterface
public interface ReadModelCollections {

    MongoCollection<Document> get(String logicalName);

    /** A binding that never changes: logical names in {@code physicalNames} map to them, others to themselves. */
    static ReadModelCollections fixed(MongoDatabase database, Map<String, String> physicalNames) {
        Map<String, String> names = Map.copyOf(physicalNames);
        return logicalName -> database.getCollection(names.getOrDefault(logicalName, logicalName));
    }
}
