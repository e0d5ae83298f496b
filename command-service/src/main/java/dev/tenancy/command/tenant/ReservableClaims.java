package dev.tenancy.command.tenant;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * Names that belong to at most one tenant (slugs, custom domains): the name is the document id, so the database's
 * unique key decides concurrent claims on any number of instances. A deleted tenant's claims carry
 * {@code reservedUntil}; once that has passed, a new claim replaces them in one atomic step, so two tenants racing for
 * an expired name still get exactly one winner.
 */
final class ReservableClaims {

    static final String TENANT_ID = "tenantId";
    static final String RESERVED_UNTIL = "reservedUntil";

    private final MongoCollection<Document> claims;
    private final Clock clock;

    ReservableClaims(MongoCollection<Document> claims, Clock clock) {
        this.claims = claims;
        this.clock = clock;
    }

    /**
     * False when another tenant holds the name, or a deleted tenant's reservation has not ended yet. A tenant's own
     * unreserved claim (left behind when storing its event failed after the claim) is taken again.
     */
    boolean claim(String name, String tenantId) {
        Instant now = clock.instant();
        Document claim = new Document("_id", name).append(TENANT_ID, tenantId).append("claimedAt", Date.from(now));
        try {
            claims.insertOne(claim);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document replaced = claims.findOneAndReplace(Filters.and(Filters.eq("_id", name), Filters.or(
                Filters.lt(RESERVED_UNTIL, Date.from(now)),
                Filters.and(Filters.eq(TENANT_ID, tenantId), Filters.exists(RESERVED_UNTIL, false)))), claim);
        return replaced != null;
    }

    /** Gives a claim back; another tenant's claim of the same name is left alone. */
    void release(String name, String tenantId) {
        claims.deleteOne(Filters.and(Filters.eq("_id", name), Filters.eq(TENANT_ID, tenantId)));
    }

    /** Keeps every claim of a deleted tenant until {@code until}, after which a new claim may take it over. */
    void reserveUntil(String tenantId, Instant until) {
        claims.updateMany(Filters.eq(TENANT_ID, tenantId), Updates.set(RESERVED_UNTIL, Date.from(until)));
    }

    Optional<String> holder(String name) {
        return Optional.ofNullable(claims.find(Filters.eq("_id", name)).first()).map(d -> d.getString(TENANT_ID));
    }
}
