package dev.tenancy.query.console;

import com.mongodb.client.model.Filters;
import org.axonframework.common.DateTimeUtils;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.tenancy.query.console.EventStoreReader.*;

/**
 * What an event console query selects in the store; null means "any". The aggregate id, type and time bounds are
 * fields of the stored document (the first and last served by axon-mongo's indexes on real MongoDB); the tenant,
 * the actor, the correlation id and the payload text live inside the serialized metadata and payload, which no index reaches,
 * so those are matched as text over the documents the other conditions leave (a scan when they stand alone).
 *
 * @param actor an actor id: events it caused, directly or as the superadmin behind an impersonation
 * @param from inclusive
 * @param to   exclusive
 */
public record EventFilter(String tenantId, String aggregateId, String type, String actor, String correlationId,
                          Instant from, Instant to, String q) {

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null, null, null, null);
    }

    public static EventFilter ofTenant(String tenantId) {
        return new EventFilter(tenantId, null, null, null, null, null, null, null);
    }

    Bson toBson() {
        List<Bson> clauses = new ArrayList<>();
        if (aggregateId != null) {
            clauses.add(Filters.eq(AGGREGATE_ID, aggregateId));
        }
        if (type != null) {
            clauses.add(type.contains(".") ? Filters.eq(PAYLOAD_TYPE, type)
                    : Filters.regex(PAYLOAD_TYPE, "[.$]" + literal(type) + "$"));
        }
        if (from != null) {
            clauses.add(Filters.gte(TIMESTAMP, DateTimeUtils.formatInstant(from)));
        }
        if (to != null) {
            clauses.add(Filters.lt(TIMESTAMP, DateTimeUtils.formatInstant(to)));
        }
        if (tenantId != null) {
            clauses.add(metadataEntry("tenantId", tenantId));
        }
        if (actor != null) {
            clauses.add(Filters.or(metadataEntry("actorId", actor), metadataEntry("actingSuperadmin", actor)));
        }
        if (correlationId != null) {
            clauses.add(metadataEntry("correlationId", correlationId));
        }
        if (q != null) {
            clauses.add(Filters.regex(PAYLOAD, literal(q), "i"));
        }
        return clauses.isEmpty() ? Filters.empty() : Filters.and(clauses);
    }

    /** {@code "key":"value"} in the metadata's JSON text; the closing quote makes it an exact match. */
    private static Bson metadataEntry(String key, String value) {
        return Filters.regex(METADATA, "\"" + key + "\"\\s*:\\s*\"" + literal(value) + "\"");
    }

    /**
     * The text as a literal pattern for both MongoDB (PCRE) and the Java stand-in: a backslash before an ASCII
     * character that is neither letter nor digit makes it literal in both; other characters are not special.
     */
    static String literal(String text) {
        StringBuilder pattern = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 128 && !Character.isLetterOrDigit(c) && c != ' ') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.toString();
    }
}
