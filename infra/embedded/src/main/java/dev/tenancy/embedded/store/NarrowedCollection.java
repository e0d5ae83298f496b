package dev.tenancy.embedded.store;

/** A collection that plans its queries with {@link QueryNarrowing}. */
public interface NarrowedCollection {

    /** What its narrowing did, for tests and diagnostics. */
    NarrowingStats narrowing();
}
