package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The positions of a collection's documents, ordered by the value of one top-level field and, for a compound unique
 * index, within each value by the value of the index's second field (an aggregate's events by sequence number).
 * Documents whose value cannot be ordered safely (see {@link FieldCondition#key}) are kept aside and are a candidate
 * for every condition.
 */
final class FieldKeys<P> {

    private final String field;
    private final String next;
    private final NavigableMap<Object, Bucket<P>> keyed = new TreeMap<>(ValueComparator.asc());
    private final Set<P> unkeyed = new LinkedHashSet<>();

    /** @param next the second field to order each value's documents by, or null */
    FieldKeys(String field, String next) {
        this.field = field;
        this.next = next;
    }

    String field() {
        return field;
    }

    Optional<String> next() {
        return Optional.ofNullable(next);
    }

    void add(P position, Document document) {
        Object key = FieldCondition.key(document.get(field));
        if (key == null) {
            unkeyed.add(position);
        } else {
            keyed.computeIfAbsent(key, value -> new Bucket<>(next)).add(position, document);
        }
    }

    void remove(P position, Document document) {
        Object key = FieldCondition.key(document.get(field));
        if (key == null) {
            unkeyed.remove(position);
            return;
        }
        Bucket<P> bucket = keyed.get(key);
        if (bucket != null && bucket.remove(position, document)) {
            keyed.remove(key);
        }
    }

    /**
     * Every position whose document may meet {@code condition} (and {@code nextCondition} on the second field, when
     * this orders by one and the condition names single values), in the order of the field's values.
     */
    List<P> candidates(FieldCondition condition, Optional<FieldCondition> nextCondition) {
        List<P> found = new ArrayList<>();
        if (condition.exact()) {
            condition.values().stream().map(FieldCondition::key).sorted(ValueComparator.asc()).distinct()
                    .map(keyed::get).filter(bucket -> bucket != null)
                    .forEach(bucket -> bucket.collect(nextCondition, found));
        } else {
            range(condition).values().forEach(bucket -> bucket.collect(Optional.empty(), found));
        }
        found.addAll(unkeyed);
        return found;
    }

    /**
     * Every position that may be among the first {@code wanted} in the field's order ({@code ascending} or not): the
     * values from that end until {@code wanted} documents are taken, all documents of the last value taken (ties are
     * the server's to order), and every document whose value is not a plain key. Any other document has a value that
     * sorts after all of the taken ones, so it cannot be among the first {@code wanted}.
     */
    List<P> first(boolean ascending, int wanted) {
        List<P> found = new ArrayList<>(unkeyed);
        for (Bucket<P> bucket : (ascending ? keyed : keyed.descendingMap()).values()) {
            if (found.size() - unkeyed.size() >= wanted) {
                break;
            }
            bucket.collect(Optional.empty(), found);
        }
        return found;
    }

    /**
     * Of the documents whose value is {@code value}: every position that may be among the first {@code wanted} in
     * the second field's order ({@code ascending} or not) within {@code range} (null: any), taken as {@link #first}
     * takes them, and every document whose value of either field is not a plain key. The caller makes sure that
     * every keyed document taken matches the query, so that a document left out sorts after {@code wanted} matches.
     */
    List<P> firstOfValue(Object value, FieldCondition range, boolean ascending, int wanted) {
        List<P> found = new ArrayList<>(unkeyed);
        Bucket<P> bucket = keyed.get(FieldCondition.key(value));
        if (bucket != null && bucket.byNext != null) {
            found.addAll(bucket.byNext.unkeyed);
            int taken = 0;
            NavigableMap<Object, Bucket<P>> values = range == null ? bucket.byNext.keyed : bucket.byNext.range(range);
            for (Bucket<P> next : (ascending ? values : values.descendingMap()).values()) {
                if (taken >= wanted) {
                    break;
                }
                int before = found.size();
                next.collect(Optional.empty(), found);
                taken += found.size() - before;
            }
        } else if (bucket != null) {
            bucket.collect(Optional.empty(), found);
        }
        return found;
    }

    private NavigableMap<Object, Bucket<P>> range(FieldCondition condition) {
        NavigableMap<Object, Bucket<P>> range = keyed;
        Object lower = FieldCondition.key(condition.lower());
        Object upper = FieldCondition.key(condition.upper());
        if (lower != null) {
            range = range.tailMap(lower, condition.lowerInclusive());
        }
        if (upper != null) {
            if (lower != null && emptyRange(lower, upper, condition)) {
                return Collections.emptyNavigableMap();
            }
            range = range.headMap(upper, condition.upperInclusive());
        }
        return range;
    }

    /** A view's bounds must not cross: the map refuses such a view rather than answering it empty. */
    private static boolean emptyRange(Object lower, Object upper, FieldCondition condition) {
        int order = ValueComparator.asc().compare(lower, upper);
        return order > 0 || order == 0 && !(condition.lowerInclusive() && condition.upperInclusive());
    }

    private boolean isEmpty() {
        return keyed.isEmpty() && unkeyed.isEmpty();
    }

    private void collectAll(List<P> into) {
        keyed.values().forEach(bucket -> bucket.collect(Optional.empty(), into));
        into.addAll(unkeyed);
    }

    /** The positions sharing one value of the field: a set, or ordered by the second field. */
    private static final class Bucket<P> {

        private final Set<P> positions;
        private final FieldKeys<P> byNext;

        Bucket(String next) {
            this.positions = next == null ? new LinkedHashSet<>() : null;
            this.byNext = next == null ? null : new FieldKeys<>(next, null);
        }

        void add(P position, Document document) {
            if (byNext == null) {
                positions.add(position);
            } else {
                byNext.add(position, document);
            }
        }

        /** Answers whether the bucket is empty now. */
        boolean remove(P position, Document document) {
            if (byNext == null) {
                positions.remove(position);
                return positions.isEmpty();
            }
            byNext.remove(position, document);
            return byNext.isEmpty();
        }

        void collect(Optional<FieldCondition> nextCondition, List<P> into) {
            if (byNext == null) {
                into.addAll(positions);
            } else if (nextCondition.isPresent()) {
                into.addAll(byNext.candidates(nextCondition.get(), Optional.empty()));
            } else {
                byNext.collectAll(into);
            }
        }
    }
}
