package dev.tenancy.query.replay;

/** Where a rebuild is. */
public enum RebuildPhase {
    /** A full rebuild projects the event store into its shadow collections; the live model is served meanwhile. */
    CATCHING_UP,
    /** The live processor is paused while the rebuild reaches its last position and the registry is switched. */
    SWITCHING,
    /** A tenant's documents are deleted and its events applied again. */
    RUNNING,
    COMPLETED,
    FAILED;

    boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
