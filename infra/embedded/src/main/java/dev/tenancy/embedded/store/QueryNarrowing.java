package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A small query planner for mongo-java-server, which uses an index only for a query on exactly that index's fields
 * and ignores every non-unique index, so that {@code {_id: x, version: {$lt: n}}}, an event stream's
 * {@code {aggregateIdentifier: x, sequenceNumber: {$gte: n}}} and a tracking processor's
 * {@code {timestamp: {$gte: t}}} each scanned the whole collection. It keeps, in memory, the documents' positions
 * ordered by the first field of every index the application declared (and by the second one of a compound unique
 * index), and hands the server the positions a query can match; the server's own matcher and sort still decide, so answers are unchanged. Real MongoDB plans with its
 * indexes; this only brings the stand-in's costs closer to that.
 */
final class QueryNarrowing<P> implements NarrowingStats {

    /** Below this many documents a scan costs less than planning (measured on a one-document counter). */
    static final int WORTH_IT = 64;

    private static final String ID = "_id";

    private final Map<String, FieldKeys<P>> byField = new LinkedHashMap<>();
    private final Map<String, String> fieldByIndex = new HashMap<>();
    private final Comparator<P> naturalOrder;
    private final LongAdder narrowed = new LongAdder();
    private final LongAdder examined = new LongAdder();
    /** The long {@code $nin} lists of the query this thread narrowed last, until its candidates are matched. */
    private final ThreadLocal<NotInClauses> lists = new ThreadLocal<>();

    QueryNarrowing(Comparator<P> naturalOrder) {
        this.naturalOrder = naturalOrder;
    }

    synchronized void indexAdded(Index<P> index, Stream<DocumentWithPosition<P>> documents) {
        List<IndexKey> keys = index.getKeys();
        String field = keys.get(0).getKey();
        if (field.equals(ID) || field.contains(".") || fieldByIndex.containsKey(index.getName())) {
            return;
        }
        // an aggregate's events are asked for from a sequence number on: order each value's documents by it too
        String next = index.isUnique() && keys.size() > 1 && !keys.get(1).getKey().contains(".")
                ? keys.get(1).getKey() : null;
        String name = next == null ? field : field + "," + next;
        fieldByIndex.put(index.getName(), name);
        if (!byField.containsKey(name)) {
            FieldKeys<P> fieldKeys = new FieldKeys<>(field, next);
            documents.forEach(document -> fieldKeys.add(document.getPosition(), document.getDocument()));
            byField.put(name, fieldKeys);
        }
    }

    synchronized void indexDropped(String indexName) {
        String name = fieldByIndex.remove(indexName);
        if (name != null && !fieldByIndex.containsValue(name)) {
            byField.remove(name);
        }
    }

    synchronized void added(P position, Document document) {
        byField.values().forEach(keys -> keys.add(position, document));
    }

    synchronized void removed(P position, Document document) {
        byField.values().forEach(keys -> keys.remove(position, document));
    }

    synchronized void updated(P position, Document before, Document after) {
        for (FieldKeys<P> keys : byField.values()) {
            keys.remove(position, before);
            keys.add(position, after);
        }
    }

    /**
     * The positions of every document that may match {@code query}, or empty when the server should plan it itself:
     * the collection is small, it has a unique index for exactly this query, or no known field narrows it.
     * {@code wanted} is how many documents the query returns at most ({@code skip + limit}; 0: no limit).
     * {@code documents} reads a position's document, for a long {@code $nin} (see {@link #withoutExcluded}).
     */
    Optional<List<P>> candidates(int count, Document query, Document orderBy, int wanted, List<Index<P>> indexes,
                                 Function<P, Document> documents) {
        lists.remove();
        Optional<List<P>> found = planned(count, query, orderBy, wanted, indexes)
                .map(positions -> withoutExcluded(query, positions, documents));
        found.ifPresent(positions -> {
            narrowed.increment();
            examined.add(positions.size());
        });
        return found;
    }

    /**
     * Runs {@code match}, the server's match of the candidates {@link #candidates} found for {@code query}, with
     * {@link #queryFor} answering from that query's long {@code $nin} lists.
     */
    <T> T matching(Document query, Supplier<T> match) {
        try {
            return match.get();
        } finally {
            lists.remove();
        }
    }

    /**
     * What the server's matcher still has to decide of {@code query} for {@code document}, during {@link #matching}:
     * the query without its long {@code $nin} lists when the document's values passed them by a lookup
     * ({@link NotInClauses}), else the query itself.
     */
    Document queryFor(Document document, Document query) {
        NotInClauses clauses = lists.get();
        return clauses != null && clauses.query() == query && clauses.passes(document) ? clauses.remainder() : query;
    }

    /** How many documents a query with this skip and limit returns at most; 0: no limit. */
    static int wanted(int skip, int limit) {
        return limit > 0 ? Math.max(0, skip) + limit : 0;
    }

    private synchronized Optional<List<P>> planned(int count, Document query, Document orderBy, int wanted,
                                                   List<Index<P>> indexes) {
        if (count < WORTH_IT || orderBy != null && orderBy.containsKey("$natural")
                || indexes.stream().anyMatch(index -> index.canHandle(query))) {
            return Optional.empty();
        }
        Optional<List<P>> found = byId(query, indexes).or(() -> firstOfOne(query, orderBy, wanted))
                .or(() -> byField(query)).or(() -> firstInOrder(query, orderBy, wanted));
        // a plain scan meets documents in natural order, and its stable sort leaves ties that way
        found.ifPresent(positions -> positions.sort(naturalOrder));
        return found;
    }

    /**
     * {@code positions} less the documents a {@code $nin} of many values rules out. The server's matcher compares a
     * document with such a list one value at a time, and a tracking poll sends every event id of its look-back window
     * (hundreds under load) and gets about as many candidates: a hash lookup per candidate instead. A document is
     * dropped only when its value is a plain key in the list; arrays and other types are left to the server. The
     * lists stay with this thread for {@link #queryFor}. Outside the planner's lock: it reads documents.
     */
    private List<P> withoutExcluded(Document query, List<P> positions, Function<P, Document> documents) {
        Optional<NotInClauses> clauses = NotInClauses.of(query);
        if (clauses.isEmpty()) {
            return positions;
        }
        lists.set(clauses.get());
        List<P> kept = new ArrayList<>(positions.size());
        for (P position : positions) {
            Document document = documents.apply(position);
            if (document == null || !clauses.get().rulesOut(document)) {
                kept.add(position);
            }
        }
        return kept;
    }

    private Optional<List<P>> byId(Document query, List<Index<P>> indexes) {
        Optional<FieldCondition> condition = FieldCondition.in(query, ID).filter(FieldCondition::exact);
        Optional<Index<P>> idIndex = indexes.stream()
                .filter(index -> index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(ID)).findFirst();
        if (condition.isEmpty() || idIndex.isEmpty()) {
            return Optional.empty();
        }
        Set<P> positions = new LinkedHashSet<>();
        for (Object id : condition.get().values()) {
            idIndex.get().getPositions(new Document(ID, id)).forEach(positions::add);
        }
        return Optional.of(new ArrayList<>(positions));
    }

    /**
     * The newest event (a sort on an indexed field, a limit, no condition): only the documents that can come first.
     * MongoDB walks its index from the right end for this.
     */
    private Optional<List<P>> firstInOrder(Document query, Document orderBy, int wanted) {
        if (!query.isEmpty() || wanted <= 0 || orderBy == null || orderBy.isEmpty()) {
            return Optional.empty();
        }
        Map.Entry<String, Object> primary = orderBy.entrySet().iterator().next();
        if (!(primary.getValue() instanceof Number direction) || Math.abs(direction.intValue()) != 1) {
            return Optional.empty();
        }
        return byField.values().stream().filter(keys -> keys.field().equals(primary.getKey())).findFirst()
                .map(keys -> keys.first(direction.intValue() > 0, wanted));
    }

    /**
     * A batch of one aggregate's events in sequence order: {@code {aggregateIdentifier: x, sequenceNumber: {$gte: n}}}
     * sorted by the sequence number, with a limit (or the newest: no range, sorted the other way). Only the first
     * that many of that value's documents can be returned, so only they are handed on; without this, every batch of a
     * 100,000-event stream handed the server all of the aggregate's later events. Only for a query that asks nothing
     * else, and for a range that starts on the sort's side: then every keyed document taken matches the query (values
     * of the bound's type come first, in the bound's order), and one left out sorts after all of them.
     */
    private Optional<List<P>> firstOfOne(Document query, Document orderBy, int wanted) {
        if (wanted <= 0 || orderBy == null || orderBy.size() != 1
                || !(orderBy.values().iterator().next() instanceof Number direction)
                || Math.abs(direction.intValue()) != 1) {
            return Optional.empty();
        }
        boolean ascending = direction.intValue() > 0;
        String next = orderBy.keySet().iterator().next();
        Optional<Map<String, Object>> conditions = plainConditions(query);
        for (FieldKeys<P> keys : byField.values()) {
            if (conditions.isEmpty() || !keys.next().map(next::equals).orElse(false)
                    || !conditions.get().containsKey(keys.field())
                    || !conditions.get().keySet().stream().allMatch(f -> f.equals(keys.field()) || f.equals(next))) {
                continue;
            }
            Optional<Object> value = single(conditions.get().get(keys.field()));
            Object asked = conditions.get().get(next);
            Optional<FieldCondition> range = asked == null ? Optional.empty() : wholeRange(asked, ascending);
            if (value.isPresent() && (asked == null || range.isPresent())) {
                return Optional.of(keys.firstOfValue(value.get(), range.orElse(null), ascending, wanted));
            }
        }
        return Optional.empty();
    }

    /** Each field the query names and what it asks of it: top-level conditions or those of a top-level $and. */
    private static Optional<Map<String, Object>> plainConditions(Document query) {
        Map<String, Object> conditions = new HashMap<>();
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            if (entry.getKey().equals("$and") && entry.getValue() instanceof List<?> clauses) {
                for (Object clause : clauses) {
                    if (!(clause instanceof Document document) || document.size() != 1
                            || document.keySet().iterator().next().startsWith("$")
                            || conditions.putIfAbsent(document.keySet().iterator().next(),
                            document.values().iterator().next()) != null) {
                        return Optional.empty();
                    }
                }
            } else if (entry.getKey().startsWith("$")
                    || conditions.putIfAbsent(entry.getKey(), entry.getValue()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(conditions);
    }

    /** The one value a condition asks for ({@code v} or {@code {$eq: v}}), when it is a plain key. */
    private static Optional<Object> single(Object condition) {
        Object value = condition instanceof Document operators && operators.size() == 1
                && operators.containsKey("$eq") ? operators.get("$eq") : condition;
        return FieldCondition.keyable(value) ? Optional.of(value) : Optional.empty();
    }

    /**
     * The range a condition asks for, when it asks nothing but bounds that are plain keys of one type, at most one on
     * each side, with a bound on the side the sort starts from.
     */
    private static Optional<FieldCondition> wholeRange(Object condition, boolean ascending) {
        if (!(condition instanceof Document operators) || operators.isEmpty() || !Set.of("$gte", "$gt", "$lte", "$lt")
                .containsAll(operators.keySet()) || !operators.values().stream().allMatch(FieldCondition::keyable)
                || operators.values().stream().map(value -> FieldCondition.key(value).getClass()).distinct()
                .count() != 1
                || operators.containsKey("$gte") && operators.containsKey("$gt")
                || operators.containsKey("$lte") && operators.containsKey("$lt")) {
            return Optional.empty();
        }
        return FieldCondition.in(new Document("f", condition), "f")
                .filter(range -> !range.exact() && (ascending ? range.lower() : range.upper()) != null);
    }

    private Optional<List<P>> byField(Document query) {
        FieldKeys<P> ranged = null;
        FieldCondition range = null;
        for (FieldKeys<P> keys : byField.values()) {
            Optional<FieldCondition> condition = FieldCondition.in(query, keys.field());
            if (condition.isPresent() && condition.get().exact()) {
                Optional<FieldCondition> next = keys.next().flatMap(field -> FieldCondition.in(query, field));
                return Optional.of(keys.candidates(condition.get(), next));
            }
            if (condition.isPresent() && ranged == null) {
                ranged = keys;
                range = condition.get();
            }
        }
        return ranged == null ? Optional.empty() : Optional.of(ranged.candidates(range, Optional.empty()));
    }

    @Override
    public long narrowedQueries() {
        return narrowed.sum();
    }

    @Override
    public long examinedCandidates() {
        return examined.sum();
    }
}
