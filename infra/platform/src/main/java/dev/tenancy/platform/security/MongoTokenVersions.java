package dev.tenancy.platform.security;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Token versions in {@code <database>.token_versions}, one document per user that was ever revoked:
 * {@code {_id: userId, version}}. Every service reads the same documents, so a revocation counts everywhere at once;
 * a lookup is by {@code _id}, which every MongoDB (and the embedded stand-in) indexes.
 */
public class MongoTokenVersions implements TokenVersions {

    public static final String COLLECTION = "token_versions";
    private static final String VERSION = "version";

    private final MongoCollection<Document> versions;

    public MongoTokenVersions(MongoClient client, String database) {
        this.versions = client.getDatabase(database).getCollection(COLLECTION);
    }

    @Override
    public long current(String userId) {
        Document found = versions.find(Filters.eq("_id", userId)).projection(Projections.include(VERSION)).first();
        return found == null ? 0 : found.get(VERSION, Number.class).longValue();
    }

    @Override
    public long revoke(String userId) {
        Document updated = versions.findOneAndUpdate(Filters.eq("_id", userId), Updates.inc(VERSION, 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return updated.get(VERSION, Number.class).longValue();
    }
}
