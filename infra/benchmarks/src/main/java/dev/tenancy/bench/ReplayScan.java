package dev.tenancy.bench;

/** A raw cursor scan of the events collection: every document fetched, nothing deserialized. */
record ReplayScan(String name, long events, double seconds) {

    double eventsPerSecond() {
        return seconds <= 0 ? 0 : events / seconds;
    }
}
