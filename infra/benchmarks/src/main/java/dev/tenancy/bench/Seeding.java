package dev.tenancy.bench;

/**
 * How the long-stream tenant got its history.
 *
 * @param how       "store" (appended to the event store directly) or "kafka" (through the service)
 * @param events    events asked for
 * @param seconds   how long it took
 * @param completed whether all of them arrived in time
 */
record Seeding(String how, long events, double seconds, boolean completed) {

    double perSecond() {
        return seconds <= 0 ? 0 : events / seconds;
    }
}
