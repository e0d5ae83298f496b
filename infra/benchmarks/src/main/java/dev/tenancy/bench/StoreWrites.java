package dev.tenancy.bench;

import java.util.Map;

/**
 * Documents the store wrote (all services together) while {@code increments} usage increments were recorded.
 *
 * @param byCollection writes per namespace (database.collection), most first
 */
record StoreWrites(long increments, long writes, Map<String, Long> byCollection) {

    double perIncrement() {
        return increments <= 0 ? 0 : (double) writes / increments;
    }

    double perIncrement(String namespace) {
        return increments <= 0 ? 0 : (double) byCollection.getOrDefault(namespace, 0L) / increments;
    }
}
