package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A query's long {@code $nin} lists of plain values ({@link FieldCondition#keyable}), each as a set of keys, and the
 * query without them.
 * <p>
 * The server's matcher walks such a list for every candidate it is asked about, normalizing both values at every
 * step: a tracking poll lists every event id of the look-back window, and a flight recording of the usage
 * benchmark's Kafka phase put 70% of the stand-in's time there. A candidate whose value of each listed field is a
 * plain key is decided by a lookup instead: ruled out if the key is listed; otherwise only the rest of the query is
 * left to the matcher. Any other candidate (the field missing, null, an array, another type) gets the whole query.
 * For plain values, two values are equal to the matcher exactly when their keys are equal.
 *
 * @param query     the query as asked
 * @param keys      by field, the keys of its list
 * @param remainder the query without those lists
 */
record NotInClauses(Document query, Map<String, Set<Object>> keys, Document remainder) {

    /** A {@code $nin} this short costs the server's matcher little. */
    static final int WORTH_IT = 16;

    /**
     * The long lists of plain values under plain field names, at the top level or in a top-level {@code $and}. A
     * field with any other {@code $nin} there is left out, so that the remainder keeps every list not decided here.
     */
    static Optional<NotInClauses> of(Document query) {
        Map<String, Set<Object>> keys = new HashMap<>();
        Set<String> ineligible = new HashSet<>();
        collect(query, keys, ineligible);
        if (query.get("$and") instanceof Collection<?> clauses) {
            clauses.stream().filter(Document.class::isInstance)
                    .forEach(clause -> collect((Document) clause, keys, ineligible));
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotInClauses(query, keys, without(query, keys.keySet())));
    }

    /** Listed: the query cannot match this document. */
    boolean rulesOut(Document document) {
        return keys.entrySet().stream().anyMatch(entry -> listed(document, entry) == Boolean.TRUE);
    }

    /** Every listed field holds a plain value that is not listed: the remainder decides the rest. */
    boolean passes(Document document) {
        return keys.entrySet().stream().allMatch(entry -> listed(document, entry) == Boolean.FALSE);
    }

    /** Whether the document's value of the field is listed; null when that value is not a plain key. */
    private static Boolean listed(Document document, Map.Entry<String, Set<Object>> field) {
        Object key = FieldCondition.key(document.get(field.getKey()));
        return key == null ? null : field.getValue().contains(key);
    }

    private static void collect(Document clause, Map<String, Set<Object>> keys, Set<String> ineligible) {
        for (Map.Entry<String, Object> entry : clause.entrySet()) {
            String field = entry.getKey();
            if (field.startsWith("$") || !(entry.getValue() instanceof Document operators)
                    || !operators.containsKey("$nin")) {
                continue;
            }
            if (field.contains(".") || keys.containsKey(field) || ineligible.contains(field)
                    || !operators.keySet().stream().allMatch(operator -> operator.startsWith("$"))
                    || !(operators.get("$nin") instanceof Collection<?> values) || values.size() < WORTH_IT
                    || !values.stream().allMatch(FieldCondition::keyable)) {
                ineligible.add(field);
                keys.remove(field);
                continue;
            }
            Set<Object> listed = new HashSet<>();
            values.forEach(value -> listed.add(FieldCondition.key(value)));
            keys.put(field, listed);
        }
    }

    /** The query without the listed fields' {@code $nin}, where {@link #collect} looked for them and nowhere else. */
    private static Document without(Document query, Set<String> fields) {
        Document remainder = new Document();
        query.forEach((key, value) -> {
            if (key.equals("$and") && value instanceof Collection<?> clauses) {
                List<Object> kept = new ArrayList<>();
                for (Object clause : clauses) {
                    Object left = clause instanceof Document document ? stripped(document, fields) : clause;
                    if (!(left instanceof Document document) || !document.isEmpty()) {
                        kept.add(left);
                    }
                }
                if (!kept.isEmpty()) {
                    remainder.put(key, kept);
                }
            } else {
                strip(remainder, key, value, fields);
            }
        });
        return remainder;
    }

    private static Document stripped(Document clause, Set<String> fields) {
        Document left = new Document();
        clause.forEach((key, value) -> strip(left, key, value, fields));
        return left;
    }

    private static void strip(Document into, String key, Object value, Set<String> fields) {
        if (fields.contains(key) && value instanceof Document operators) {
            Document rest = new Document(operators);
            rest.remove("$nin");
            if (!rest.isEmpty()) {
                into.put(key, rest);
            }
        } else {
            into.put(key, value);
        }
    }
}
