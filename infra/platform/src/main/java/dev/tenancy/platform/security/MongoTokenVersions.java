package dev.tenancy.platform.security;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Token versions in {@code <database>.token_versions}, one document per user that was ever revoked:
 * {@code {_id: userId, version, revoked: [{id, exp}]}}. Every service reads the same documents, so a revocation counts
 * everywhere at once; a lookup is by {@code _id}, which every MongoDB (and the embedded stand-in) indexes. The
 * single revoked tokens sit in the same document, so checking a token stays one read; an entry is dropped once its
 * token has expired, which keeps the list as short as the access tokens' lifetime.
 */
public class MongoTokenVersions implements TokenVersions {

    public static final String COLLECTION = "token_versions";
    private static final String VERSION = "version";
    private static final String REVOKED = "revoked";

    private final MongoCollection<Document> versions;
    private final Clock clock;

    public MongoTokenVersions(MongoClient client, String database) {
        this(client, database, Clock.systemUTC());
    }

    public MongoTokenVersions(MongoClient client, String database, Clock clock) {
        this.versions = client.getDatabase(database).getCollection(COLLECTION);
        this.clock = clock;
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

    @Override
    public boolean accepts(String userId, long version, String tokenId) {
        Document found = versions.find(Filters.eq("_id", userId))
                .projection(Projections.include(VERSION, REVOKED)).first();
        if (found == null) {
            return version >= 0;
        }
        if (version < found.get(VERSION, Number.class).longValue()) {
            return false;
        }
        List<Document> revoked = found.getList(REVOKED, Document.class, List.of());
        return tokenId == null || revoked.stream().noneMatch(entry -> tokenId.equals(entry.getString("id")));
    }

    @Override
    public void revokeToken(String userId, String tokenId, Instant expiresAt) {
        versions.updateOne(Filters.eq("_id", userId),
                Updates.pull(REVOKED, Filters.lte("exp", Date.from(clock.instant()))));
        versions.updateOne(Filters.eq("_id", userId), Updates.combine(
                        Updates.push(REVOKED, new Document("id", tokenId).append("exp", Date.from(expiresAt))),
                        Updates.setOnInsert(VERSION, 0L)),
                new UpdateOptions().upsert(true));
    }
}
