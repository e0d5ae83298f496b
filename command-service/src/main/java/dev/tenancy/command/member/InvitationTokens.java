package dev.tenancy.command.member;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Invitation tokens in {@code tenancy_command.invitations}, command-side state like the credentials. A token is shown
 * once, to the inviter; only its SHA-256 hash is kept (the document id), never the token, and neither is in an event
 * or a log line. A token of 32 random bytes needs no slow hash: it cannot be guessed, only stolen from the link.
 * Accepting claims the document atomically ({@code used}), so a token admits one person even under concurrency.
 */
@Component
public class InvitationTokens {

    static final String COLLECTION = "invitations";
    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> invitations;

    public InvitationTokens(MongoClient client, EventStoreProperties properties) {
        this.invitations = client.getDatabase(properties.serviceDatabase()).getCollection(COLLECTION);
    }

    /** 32 random bytes, URL-safe: 43 characters that fit in an invitation link as they are. */
    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    void store(String tokenHash, StoredInvitation invitation) {
        invitations.insertOne(new Document("_id", tokenHash)
                .append("tenantId", invitation.tenantId())
                .append("invitationId", invitation.invitationId())
                .append("email", invitation.email())
                .append("role", invitation.role().name())
                .append("expiresAt", Date.from(invitation.expiresAt()))
                .append("used", false)
                .append("expired", false));
    }

    Optional<StoredInvitation> find(String tokenHash) {
        return Optional.ofNullable(invitations.find(Filters.eq("_id", tokenHash)).first()).map(document ->
                new StoredInvitation(document.getString("tenantId"), document.getString("invitationId"),
                        document.getString("email"), Role.valueOf(document.getString("role")),
                        document.getDate("expiresAt").toInstant(), document.getBoolean("used", false),
                        document.getBoolean("expired", false)));
    }

    /** Takes the token for one acceptance; false when it was taken already (used, or in use right now). */
    boolean claim(String tokenHash) {
        return invitations.findOneAndUpdate(Filters.and(Filters.eq("_id", tokenHash), Filters.eq("used", false)),
                Updates.set("used", true)) != null;
    }

    /** Gives a claim back after the acceptance failed, so the invitee can try again. */
    void release(String tokenHash) {
        invitations.updateOne(Filters.eq("_id", tokenHash), Updates.set("used", false));
    }

    /** The tenant recorded the invitation's expiry: the token stays used and says so. */
    void markExpired(String tokenHash) {
        invitations.updateOne(Filters.eq("_id", tokenHash), Updates.combine(Updates.set("used", true),
                Updates.set("expired", true)));
    }

    /** An invitation the tenant refused: its token never admits anyone. */
    void discard(String tokenHash) {
        invitations.deleteOne(Filters.eq("_id", tokenHash));
    }
}
