package dev.tenancy.embedded.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The order of a unique index's keys in its H2 map, stored as H2's default type stores them.
 * <p>
 * mongo-java-server's {@link KeyValue} is not {@link Comparable}, so H2's default type compares two keys by
 * serializing both with Java serialization, at every step of every search: a flight recording of the stand-in
 * under a rebuild's writes put three quarters of its time there. This order compares element by element instead:
 * the classes' names first, then the values, with {@code compareTo} for the types it is exact for and the
 * serialized bytes of that element alone for the rest. Two keys are equal exactly when each element serializes to
 * the same bytes, which is what uniqueness meant before.
 */
final class KeyValueOrder extends ObjectDataType {

    /** Types whose {@code compareTo} is zero exactly when their serialized forms are equal. */
    private static final Set<Class<?>> EXACT = Set.of(String.class, Double.class, Long.class, Integer.class,
            Boolean.class, ObjectId.class, UUID.class, Instant.class, Date.class);

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (!(a instanceof KeyValue left) || !(b instanceof KeyValue right)) {
            return super.compare(a, b);
        }
        if (left.size() != right.size()) {
            return Integer.compare(left.size(), right.size());
        }
        for (int i = 0; i < left.size(); i++) {
            int order = compareValues(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (EXACT.contains(a.getClass())) {
            return ((Comparable) a).compareTo(b);
        }
        return compareNotNull(serialize(a), serialize(b));
    }
}
