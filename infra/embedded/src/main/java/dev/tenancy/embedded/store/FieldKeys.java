package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The positions of a collection's documents, ordered by the value of one top-level field. Documents whose value is
 * missing, null, an array, a sub-document or a number are kept aside and are a candidate for every condition.
 */
final class FieldKeys<P> {

    private final String field;
    private final NavigableMap<Object, Set<P>> keyed = new TreeMap<>(ValueComparator.asc());
    private final Set<P> unkeyed = new LinkedHashSet<>();

    FieldKeys(String field) {
        this.field = field;
    }

    String field() {
        return field;
    }

    void add(P position, Document document) {
        Object value = document.get(field);
        if (FieldCondition.keyable(value)) {
            keyed.computeIfAbsent(value, key -> new LinkedHashSet<>()).add(position);
        } else {
            unkeyed.add(position);
        }
    }

    void remove(P position, Document document) {
        Object value = document.get(field);
        if (!FieldCondition.keyable(value)) {
            unkeyed.remove(position);
            return;
        }
        Set<P> positions = keyed.get(value);
        if (positions != null && positions.remove(position) && positions.isEmpty()) {
            keyed.remove(value);
        }
    }

    /** Every position whose document may meet {@code condition}, in the order of the field's values. */
    List<P> candidates(FieldCondition condition) {
        List<P> found = new ArrayList<>();
        if (condition.exact()) {
            condition.values().stream().sorted(ValueComparator.asc()).distinct()
                    .map(keyed::get).filter(positions -> positions != null).forEach(found::addAll);
        } else {
            range(condition).forEach(found::addAll);
        }
        found.addAll(unkeyed);
        return found;
    }

    private Collection<Set<P>> range(FieldCondition condition) {
        NavigableMap<Object, Set<P>> range = keyed;
        if (condition.lower() != null) {
            range = range.tailMap(condition.lower(), condition.lowerInclusive());
        }
        if (condition.upper() != null) {
            if (condition.lower() != null && emptyRange(condition)) {
                return List.of();
            }
            range = range.headMap(condition.upper(), condition.upperInclusive());
        }
        return range.values();
    }

    /** A view's bounds must not cross: the map refuses such a view rather than answering it empty. */
    private static boolean emptyRange(FieldCondition condition) {
        int order = ValueComparator.asc().compare(condition.lower(), condition.upper());
        return order > 0 || order == 0 && !(condition.lowerInclusive() && condition.upperInclusive());
    }
}
