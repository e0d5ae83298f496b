package dev.tenancy.query.replay;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/**
 * The few comparisons MongoDB makes that {@link BsonValue#equals} does not: numbers compare across their types, and
 * a stored document counts as modified when its bytes change, so field order matters there.
 */
final class BsonCompare {

    private BsonCompare() {
    }

    /** Whether the value is a number the cache does arithmetic on; a decimal is left to the server. */
    static boolean isNumber(BsonValue value) {
        if (value.isDecimal128()) {
            throw new NotInMemory("decimal128");
        }
        return value.isInt32() || value.isInt64() || value.isDouble();
    }

    static int compareNumbers(BsonValue a, BsonValue b) {
        if (!a.isDouble() && !b.isDouble()) {
            return Long.compare(a.asNumber().longValue(), b.asNumber().longValue());
        }
        double x = a.asNumber().doubleValue();
        double y = b.asNumber().doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y)) {
            throw new NotInMemory("NaN");
        }
        if (Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.compare(x, y);
        }
        return decimal(a).compareTo(decimal(b));
    }

    private static BigDecimal decimal(BsonValue number) {
        return number.isDouble() ? new BigDecimal(number.asDouble().getValue())
                : BigDecimal.valueOf(number.asNumber().longValue());
    }

    /** Equality as a query means it: numbers by value, everything else by type and value. */
    static boolean queryEquals(BsonValue stored, BsonValue wanted) {
        if (isNumber(wanted) && isNumber(stored)) {
            return compareNumbers(stored, wanted) == 0;
        }
        return stored.equals(wanted);
    }

    /** Equality as the stored bytes see it: types, values and field order. */
    static boolean identical(BsonValue a, BsonValue b) {
        if (a == b) {
            return true;
        }
        if (a.getBsonType() != b.getBsonType()) {
            return false;
        }
        if (a.isDocument()) {
            return identicalDocuments(a.asDocument(), b.asDocument());
        }
        if (a.isArray()) {
            BsonArray x = a.asArray();
            BsonArray y = b.asArray();
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!identical(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static boolean identicalDocuments(BsonDocument a, BsonDocument b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<String, BsonValue>> other = b.entrySet().iterator();
        for (Map.Entry<String, BsonValue> entry : a.entrySet()) {
            Map.Entry<String, BsonValue> next = other.next();
            if (!entry.getKey().equals(next.getKey()) || !identical(entry.getValue(), next.getValue())) {
                return false;
            }
        }
        return true;
    }
}
