package dev.tenancy.query.audit;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static dev.tenancy.query.audit.AuditRows.*;

/**
 * What an audit query selects; null means "any". {@code tenantId} is always set for tenant callers (the platform
 * resolved it from the token), so no combination of the other filters reaches another tenant's rows.
 *
 * @param actor an actor id: rows it acted in, directly or as the superadmin behind an impersonation
 * @param type  a full class name, or a simple name (no dot)
 * @param from  inclusive
 * @param to    exclusive
 * @param q     text searched in the action, summary, target and changes, case-insensitively
 */
public record AuditFilter(String tenantId, String actor, String type, String action, String correlationId,
                          String aggregateId, Instant from, Instant to, String q) {

    public static AuditFilter ofTenant(String tenantId) {
        return new AuditFilter(tenantId, null, null, null, null, null, null, null, null);
    }

    Bson toBson() {
        List<Bson> clauses = new ArrayList<>();
        if (tenantId != null) {
            clauses.add(Filters.eq(TENANT_ID, tenantId));
        }
        if (actor != null) {
            clauses.add(Filters.or(Filters.eq(ACTOR_ID, actor), Filters.eq(ACTING_SUPERADMIN, actor)));
        }
        if (type != null) {
            clauses.add(type.contains(".") ? Filters.eq(TYPE, type) : Filters.eq(TYPE_NAME, type));
        }
        if (action != null) {
            clauses.add(Filters.eq(ACTION_KEY, action.toLowerCase(Locale.ROOT)));
        }
        if (correlationId != null) {
            clauses.add(Filters.eq(CORRELATION_ID, correlationId));
        }
        if (aggregateId != null) {
            clauses.add(Filters.eq(AGGREGATE_ID, aggregateId));
        }
        if (from != null) {
            clauses.add(Filters.gte(TIME, Date.from(from)));
        }
        if (to != null) {
            clauses.add(Filters.lt(TIME, Date.from(to)));
        }
        if (q != null) {
            clauses.add(Filters.regex(SEARCH, Pattern.quote(q.toLowerCase(Locale.ROOT))));
        }
        return clauses.isEmpty() ? Filters.empty() : Filters.and(clauses);
    }
}
