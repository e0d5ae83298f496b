package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;

/**
 * An aggregation whose pipeline starts with {@code $match} ({@code countDocuments} is one) reads the documents that
 * query finds, through the collection's narrowing, instead of every document of the collection: the stand-in feeds
 * every pipeline from a read of the whole collection and matches afterwards, while MongoDB uses an index for a leading
 * {@code $match}. The server's own stages still run on what is read, the {@code $match} included, so answers do not
 * change. Anything else (no leading {@code $match}, a change stream, a collection that does not narrow) is left to the
 * server.
 */
final class NarrowedAggregation {

    private NarrowedAggregation() {
    }

    static Optional<Document> handle(MongoDatabase database, String command, Document query,
                                     DatabaseResolver databaseResolver, Oplog oplog) {
        if (!command.equalsIgnoreCase("aggregate") || !(query.get(command) instanceof String name)
                || !(query.get("pipeline") instanceof List<?> stages) || stages.isEmpty()
                || !(stages.get(0) instanceof Document first) || first.size() != 1
                || !(first.get("$match") instanceof Document match)) {
            return Optional.empty();
        }
        MongoCollection<?> collection = database.resolveCollection(name, false);
        if (!(collection instanceof NarrowedCollection)) {
            return Optional.empty();
        }
        Aggregation aggregation = Aggregation.fromPipeline(Aggregation.parse(stages), databaseResolver, database,
                readingOnly(collection, match), oplog);
        aggregation.validate(query);
        List<Document> result = aggregation.computeResult();
        Document cursor = new Document("id", 0L);
        cursor.put("ns", database.getDatabaseName() + "." + name);
        cursor.put("firstBatch", result);
        Document response = new Document("cursor", cursor);
        Utils.markOkay(response);
        return Optional.of(response);
    }

    /** The collection, except that reading "all" of it reads what {@code match} finds. */
    private static MongoCollection<?> readingOnly(MongoCollection<?> collection, Document match) {
        return (MongoCollection<?>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("queryAllAsStream") && method.getParameterCount() == 0) {
                        return collection.handleQueryAsStream(match);
                    }
                    try {
                        return method.invoke(collection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
