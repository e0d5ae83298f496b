package dev.tenancy.query.replay;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one filter shape the cache answers: a document picked by its id, optionally guarded by equality or numeric
 * range conditions ({@code version < n}). Both renderings of an AND (a plain document and {@code $and}) are the same
 * filter to MongoDB, so both are accepted; any other shape is left to the server.
 */
record IdFilter(BsonValue id, List<Condition> conditions) {

    enum Op { EQ, LT, LTE, GT, GTE }

    record Condition(String path, Op op, BsonValue value) {
    }

    /** The filter, or {@link NotInMemory} when its shape is not one the cache mirrors. */
    static IdFilter parse(BsonDocument filter) {
        List<BsonValue> ids = new ArrayList<>(1);
        List<Condition> conditions = new ArrayList<>(2);
        collect(filter, ids, conditions);
        if (ids.size() != 1) {
            throw new NotInMemory("not exactly one _id equality");
        }
        return new IdFilter(ids.get(0), List.copyOf(conditions));
    }

    /** The id types whose equality is plain value equality; numbers or documents as ids are left to the server. */
    static boolean supportedId(BsonValue id) {
        return id.isString() || id.isObjectId() || id.isDateTime() || id.isBoolean();
    }

    private static void collect(BsonDocument filter, List<BsonValue> ids, List<Condition> conditions) {
        for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
            String key = entry.getKey();
            BsonValue value = entry.getValue();
            if (key.equals("$and") && value.isArray() && !value.asArray().isEmpty()) {
                for (BsonValue part : value.asArray()) {
                    if (!part.isDocument()) {
                        throw new NotInMemory("$and of a non-document");
                    }
                    collect(part.asDocument(), ids, conditions);
                }
            } else if (key.equals("_id")) {
                if (!supportedId(value)) {
                    throw new NotInMemory("_id of type " + value.getBsonType());
                }
                ids.add(value);
            } else if (key.startsWith("$") || key.startsWith("_id.") || !validPath(key)) {
                throw new NotInMemory("filter key " + key);
            } else if (value.isDocument()) {
                ranges(key, value.asDocument(), conditions);
            } else if (scalar(value)) {
                conditions.add(new Condition(key, Op.EQ, value));
            } else {
                throw new NotInMemory("equality on " + value.getBsonType());
            }
        }
    }

    private static void ranges(String path, BsonDocument operators, List<Condition> conditions) {
        if (operators.isEmpty()) {
            throw new NotInMemory("equality on a document");
        }
        for (Map.Entry<String, BsonValue> operator : operators.entrySet()) {
            Op op = switch (operator.getKey()) {
                case "$lt" -> Op.LT;
                case "$lte" -> Op.LTE;
                case "$gt" -> Op.GT;
                case "$gte" -> Op.GTE;
                default -> throw new NotInMemory("operator " + operator.getKey());
            };
            BsonValue bound = operator.getValue();
            if (!BsonCompare.isNumber(bound) || bound.isDouble() && Double.isNaN(bound.asDouble().getValue())) {
                throw new NotInMemory("range over a non-number");
            }
            conditions.add(new Condition(path, op, bound));
        }
    }

    static boolean scalar(BsonValue value) {
        return value.isString() || value.isBoolean() || value.isDateTime() || value.isObjectId()
                || value.isInt32() || value.isInt64() || value.isDouble() && !Double.isNaN(value.asDouble().getValue());
    }

    static boolean validPath(String path) {
        return !path.isEmpty() && !path.startsWith(".") && !path.endsWith(".") && !path.contains("..");
    }

    boolean onlyId() {
        return conditions.isEmpty();
    }

    /** Whether {@code document} (which has this filter's id) satisfies the conditions, as a query would see it. */
    boolean matches(BsonDocument document) {
        for (Condition condition : conditions) {
            BsonValue stored = lookup(document, condition.path());
            if (stored == null || !satisfies(stored, condition)) {
                return false;
            }
        }
        return true;
    }

    private static boolean satisfies(BsonValue stored, Condition condition) {
        if (condition.op() == Op.EQ) {
            return BsonCompare.queryEquals(stored, condition.value());
        }
        if (!BsonCompare.isNumber(stored)) {
            return false;
        }
        int order = BsonCompare.compareNumbers(stored, condition.value());
        return switch (condition.op()) {
            case LT -> order < 0;
            case LTE -> order <= 0;
            case GT -> order > 0;
            case GTE -> order >= 0;
            case EQ -> throw new IllegalStateException();
        };
    }

    /** The value at a dotted path; null when missing. Arrays have their own query semantics: not mirrored. */
    static BsonValue lookup(BsonDocument document, String path) {
        BsonValue current = document;
        int start = 0;
        while (true) {
            int dot = path.indexOf('.', start);
            String name = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (current.isArray()) {
                throw new NotInMemory("path through an array");
            }
            if (!current.isDocument()) {
                return null;
            }
            current = current.asDocument().get(name);
            if (current == null) {
                return null;
            }
            if (dot < 0) {
                if (current.isArray()) {
                    throw new NotInMemory("condition on an array");
                }
                return current;
            }
            start = dot + 1;
        }
    }

    /** The document an upsert starts from: the id plus the filter's equality fields, like MongoDB builds it. */
    BsonDocument seed() {
        BsonDocument seed = new BsonDocument("_id", id);
        List<String> paths = new ArrayList<>();
        for (Condition condition : conditions) {
            if (condition.op() != Op.EQ) {
                continue;
            }
            for (String other : paths) {
                if (other.equals(condition.path()) || other.startsWith(condition.path() + ".")
                        || condition.path().startsWith(other + ".")) {
                    throw new NotInMemory("overlapping equality paths");
                }
            }
            paths.add(condition.path());
            InMemoryUpdates.parentOf(seed, condition.path(), true).put(leaf(condition.path()), condition.value());
        }
        return seed;
    }

    static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
