package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a query asks of one field, as far as an ordered map of the field's values can answer it: one of some values,
 * or a range. Everything else the query asks is left to the server's own matcher, which still sees every candidate,
 * so a condition only has to admit at least the documents that match.
 */
record FieldCondition(List<Object> values, Object lower, boolean lowerInclusive, Object upper, boolean upperInclusive) {

    boolean exact() {
        return values != null;
    }

    /** The condition on {@code field} among the query's top-level conditions and those of a top-level {@code $and}. */
    static Optional<FieldCondition> in(Document query, String field) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            Optional<FieldCondition> found = Optional.empty();
            if (entry.getKey().equals("$and") && entry.getValue() instanceof Collection<?> clauses) {
                found = clauses.stream().filter(Document.class::isInstance)
                        .map(clause -> in((Document) clause, field)).flatMap(Optional::stream).findFirst();
            } else if (entry.getKey().equals(field)) {
                found = of(entry.getValue());
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<FieldCondition> of(Object condition) {
        if (keyable(condition)) {
            return Optional.of(new FieldCondition(List.of(condition), null, false, null, false));
        }
        if (!(condition instanceof Document operators) || operators.isEmpty()
                || !operators.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            return Optional.empty();
        }
        Object eq = operators.get("$eq");
        if (keyable(eq)) {
            return Optional.of(new FieldCondition(List.of(eq), null, false, null, false));
        }
        if (operators.get("$in") instanceof Collection<?> choices && !choices.isEmpty()
                && choices.stream().allMatch(FieldCondition::keyable)) {
            return Optional.of(new FieldCondition(new ArrayList<>(choices), null, false, null, false));
        }
        boolean lowerInclusive = keyable(operators.get("$gte"));
        Object lower = lowerInclusive ? operators.get("$gte") : keyableOrNull(operators.get("$gt"));
        boolean upperInclusive = keyable(operators.get("$lte"));
        Object upper = upperInclusive ? operators.get("$lte") : keyableOrNull(operators.get("$lt"));
        if (lower == null && upper == null) {
            return Optional.empty();
        }
        return Optional.of(new FieldCondition(null, lower, lowerInclusive, upper, upperInclusive));
    }

    private static Object keyableOrNull(Object value) {
        return keyable(value) ? value : null;
    }

    /**
     * The value as a key of an ordered map, or null when it cannot be one: strings, ObjectIds, dates and UUIDs as they
     * are, whole numbers as longs. Other numbers are left out: the server's comparator compares a long with a double
     * as two longs, so 1 and 1.5 would share a key.
     */
    static Object key(Object value) {
        if (value instanceof String || value instanceof ObjectId || value instanceof Instant || value instanceof UUID) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return null;
    }

    static boolean keyable(Object value) {
        return key(value) != null;
    }
}
