package dev.tenancy.embedded.store;

/** What a collection's query narrowing did. */
public interface NarrowingStats {

    /** Queries answered from candidates instead of a scan of the collection. */
    long narrowedQueries();

    /** Documents the server examined for those queries. */
    long examinedCandidates();
}
