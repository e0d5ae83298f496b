package dev.tenancy.query.replay;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonValue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An update document applied the way MongoDB applies it, for the operators the projections use. Everything that
 * would make the server fail or do something subtle (conflicting paths, arrays on a path, arithmetic on a non-number,
 * comparisons across types) is refused with {@link NotInMemory} before any change, so the server gives the answer.
 */
final class InMemoryUpdates {

    private static final Set<String> OPERATORS =
            Set.of("$set", "$unset", "$inc", "$setOnInsert", "$max", "$min", "$push", "$pull");

    /** MongoDB (5.0 on) processes an update's fields in field-name order; numeric names numerically. */
    private static final Comparator<String> FIELD_ORDER = InMemoryUpdates::compareNames;

    private record Change(String operator, String path, BsonValue value) {
    }

    private final List<Change> changes;

    private InMemoryUpdates(List<Change> changes) {
        this.changes = changes;
    }

    static InMemoryUpdates parse(BsonDocument update) {
        if (update.isEmpty()) {
            throw new NotInMemory("empty update");
        }
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, BsonValue> operator : update.entrySet()) {
            if (!OPERATORS.contains(operator.getKey()) || !operator.getValue().isDocument()) {
                throw new NotInMemory("update key " + operator.getKey());
            }
            for (Map.Entry<String, BsonValue> field : operator.getValue().asDocument().entrySet()) {
                changes.add(checked(new Change(operator.getKey(), field.getKey(), field.getValue())));
            }
        }
        for (int i = 0; i < changes.size(); i++) {
            for (int j = i + 1; j < changes.size(); j++) {
                String a = changes.get(i).path();
                String b = changes.get(j).path();
                if (a.equals(b) || a.startsWith(b + ".") || b.startsWith(a + ".")) {
                    throw new NotInMemory("conflicting paths " + a + ", " + b);
                }
            }
        }
        changes.sort(Comparator.comparing(Change::path, FIELD_ORDER));
        return new InMemoryUpdates(changes);
    }

    private static Change checked(Change change) {
        String path = change.path();
        if (!IdFilter.validPath(path) || path.equals("_id") || path.startsWith("_id.") || path.startsWith("$")
                || path.contains(".$")) {
            throw new NotInMemory("update path " + path);
        }
        BsonValue value = change.value();
        boolean supported = switch (change.operator()) {
            case "$inc" -> BsonCompare.isNumber(value);
            case "$pull" -> IdFilter.scalar(value);
            case "$push" -> !value.isDocument() || value.asDocument().isEmpty()
                    || !value.asDocument().getFirstKey().startsWith("$")
                    || value.asDocument().size() == 1 && value.asDocument().get("$each") != null
                    && value.asDocument().get("$each").isArray();
            default -> true;
        };
        if (!supported) {
            throw new NotInMemory(change.operator() + " with " + value);
        }
        return change;
    }

    /**
     * A new document: {@code original} with the update applied; {@code original} is not touched. Only the documents
     * on the changed paths are copied, the rest is shared (cached documents are never changed in place), so an update
     * of one field of a large document costs little and an unchanged subtree compares as the same object.
     */
    BsonDocument apply(BsonDocument original, boolean inserting) {
        BsonDocument document = shallowCopy(original);
        Set<BsonDocument> copied = Collections.newSetFromMap(new IdentityHashMap<>());
        copied.add(document);
        for (Change change : changes) {
            String operator = change.operator();
            if (operator.equals("$setOnInsert") && !inserting) {
                continue;
            }
            boolean removing = operator.equals("$unset") || operator.equals("$pull");
            BsonDocument parent = parentOf(document, change.path(), !removing, copied);
            if (parent == null) {
                continue;
            }
            String leaf = IdFilter.leaf(change.path());
            BsonValue old = parent.get(leaf);
            BsonValue value = change.value();
            switch (operator) {
                case "$set", "$setOnInsert" -> parent.put(leaf, copy(value));
                case "$unset" -> parent.remove(leaf);
                case "$inc" -> parent.put(leaf, old == null ? value : add(old, value));
                case "$max", "$min" -> {
                    int order = old == null ? 0 : order(value, old);
                    if (old == null || (operator.equals("$max") ? order > 0 : order < 0)) {
                        parent.put(leaf, copy(value));
                    }
                }
                case "$push" -> parent.put(leaf, pushed(old, value));
                case "$pull" -> {
                    if (old != null) {
                        parent.put(leaf, pulled(old, value));
                    }
                }
                default -> throw new IllegalStateException(operator);
            }
        }
        return document;
    }

    /** The same for a document of the caller's own, changed in place. */
    static BsonDocument parentOf(BsonDocument document, String path, boolean create) {
        Set<BsonDocument> own = Collections.newSetFromMap(new IdentityHashMap<>());
        own.add(document);
        return parentOf(document, path, create, own);
    }

    /**
     * The document holding the path's last field, created like MongoDB creates it, or null when not there; every
     * document on the way is one of {@code copied}, copied on first use.
     */
    static BsonDocument parentOf(BsonDocument document, String path, boolean create, Set<BsonDocument> copied) {
        BsonDocument current = document;
        int start = 0;
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', start)) {
            String name = path.substring(start, dot);
            BsonValue child = current.get(name);
            if (child == null) {
                if (!create) {
                    return null;
                }
                child = new BsonDocument();
                current.put(name, child);
            } else if (!child.isDocument()) {
                throw new NotInMemory("a " + child.getBsonType() + " on the path " + path);
            } else if (!copied.contains(child.asDocument())) {
                child = shallowCopy(child.asDocument());
                current.put(name, child);
            }
            copied.add(child.asDocument());
            current = child.asDocument();
            start = dot + 1;
        }
        return current;
    }

    private static BsonValue add(BsonValue old, BsonValue increment) {
        if (!BsonCompare.isNumber(old)) {
            throw new NotInMemory("$inc of a " + old.getBsonType());
        }
        if (old.isDouble() || increment.isDouble()) {
            return new BsonDouble(old.asNumber().doubleValue() + increment.asNumber().doubleValue());
        }
        if (old.isInt32() && increment.isInt32()) {
            long sum = (long) old.asInt32().getValue() + increment.asInt32().getValue();
            return sum == (int) sum ? new BsonInt32((int) sum) : new BsonInt64(sum);
        }
        try {
            return new BsonInt64(Math.addExact(old.asNumber().longValue(), increment.asNumber().longValue()));
        } catch (ArithmeticException overflow) {
            throw new NotInMemory("$inc overflow");
        }
    }

    /** How {@code value} orders against {@code old}, for numbers and for dates; other mixes are the server's. */
    private static int order(BsonValue value, BsonValue old) {
        if (BsonCompare.isNumber(old) && BsonCompare.isNumber(value)) {
            return BsonCompare.compareNumbers(value, old);
        }
        if (old.isDateTime() && value.isDateTime()) {
            return Long.compare(value.asDateTime().getValue(), old.asDateTime().getValue());
        }
        throw new NotInMemory("$max/$min of " + old.getBsonType() + " and " + value.getBsonType());
    }

    private static BsonArray pushed(BsonValue old, BsonValue value) {
        if (old != null && !old.isArray()) {
            throw new NotInMemory("$push to a " + old.getBsonType());
        }
        BsonArray array = old == null ? new BsonArray() : new BsonArray(new ArrayList<>(old.asArray().getValues()));
        if (value.isDocument() && !value.asDocument().isEmpty() && value.asDocument().getFirstKey().equals("$each")) {
            value.asDocument().getArray("$each").forEach(each -> array.add(copy(each)));
        } else {
            array.add(copy(value));
        }
        return array;
    }

    private static BsonArray pulled(BsonValue old, BsonValue value) {
        if (!old.isArray()) {
            throw new NotInMemory("$pull from a " + old.getBsonType());
        }
        BsonArray kept = new BsonArray();
        for (BsonValue element : old.asArray()) {
            if (element.isDocument() || element.isArray()) {
                throw new NotInMemory("$pull over nested values");
            }
            if (!BsonCompare.queryEquals(element, value)) {
                kept.add(element);
            }
        }
        return kept;
    }

    private static BsonDocument shallowCopy(BsonDocument original) {
        BsonDocument copy = new BsonDocument();
        copy.putAll(original);
        return copy;
    }

    /** Update values may belong to the caller (a BsonDocument renders as itself): never share a container. */
    private static BsonValue copy(BsonValue value) {
        if (value.isDocument()) {
            return value.asDocument().clone();
        }
        return value.isArray() ? value.asArray().clone() : value;
    }

    private static int compareNames(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int order = numeric(x[i]) && numeric(y[i])
                    ? new BigInteger(x[i]).compareTo(new BigInteger(y[i])) : x[i].compareTo(y[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static boolean numeric(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
