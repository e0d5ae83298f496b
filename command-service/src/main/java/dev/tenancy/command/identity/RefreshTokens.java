package dev.tenancy.command.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Refresh tokens in {@code tenancy_command.refresh_tokens}: 32 random bytes handed out once, stored only as their
 * SHA-256 hash (a random 256-bit value needs no slow hash), so a copy of the collection signs nobody in. Exchanging
 * one is a compare-and-set on {@code usedAt}: of two concurrent exchanges exactly one wins.
 */
@Component
public class RefreshTokens {

    static final String COLLECTION = "refresh_tokens";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USER = "userId";
    private static final String FAMILY = "familyId";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String USED_AT = "usedAt";

    private final MongoCollection<Document> tokens;
    private final Clock clock;

    public RefreshTokens(MongoClient client, EventStoreProperties stores, Clock clock) {
        this.tokens = client.getDatabase(stores.serviceDatabase()).getCollection(COLLECTION);
        this.tokens.createIndex(Indexes.ascending(FAMILY));
        this.tokens.createIndex(Indexes.ascending(USER));
        this.tokens.createIndex(Indexes.ascending(EXPIRES_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
        this.clock = clock;
    }

    /** Stores a new token of the family and answers it; this is the only time the token itself exists here. */
    public String issue(String userId, String scope, String familyId, boolean secondFactor, long version,
                        Instant expiresAt) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        tokens.insertOne(new Document("_id", hash(token)).append(USER, userId).append("scope", scope)
                .append(FAMILY, familyId).append("secondFactor", secondFactor).append("version", version)
                .append("issuedAt", Date.from(clock.instant())).append(EXPIRES_AT, Date.from(expiresAt))
                .append(USED_AT, null));
        return token;
    }

    public Optional<RefreshToken> find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return Optional.ofNullable(tokens.find(Filters.eq("_id", hash(token))).first()).map(RefreshTokens::token);
    }

    /** Marks the token exchanged; false when another exchange got there first. */
    public boolean use(RefreshToken token) {
        return tokens.updateOne(Filters.and(Filters.eq("_id", token.hash()), Filters.eq(USED_AT, null)),
                Updates.set(USED_AT, Date.from(clock.instant()))).getModifiedCount() == 1;
    }

    public void revokeFamily(String familyId) {
        tokens.deleteMany(Filters.eq(FAMILY, familyId));
    }

    public void revokeUser(String userId) {
        tokens.deleteMany(Filters.eq(USER, userId));
    }

    /** Deletes expired tokens; real MongoDB's TTL index does the same, the embedded stand-in has none. */
    public long deleteExpired() {
        return tokens.deleteMany(Filters.lte(EXPIRES_AT, Date.from(clock.instant()))).getDeletedCount();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static RefreshToken token(Document document) {
        Date used = document.getDate(USED_AT);
        return new RefreshToken(document.getString("_id"), document.getString(USER), document.getString("scope"),
                document.getString(FAMILY), document.getBoolean("secondFactor", false),
                document.get("version", Number.class).longValue(), document.getDate(EXPIRES_AT).toInstant(),
                used == null ? null : used.toInstant());
    }
}
