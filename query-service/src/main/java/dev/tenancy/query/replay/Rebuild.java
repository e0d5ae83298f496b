package dev.tenancy.query.replay;

/** A running or finished rebuild of one processing group. */
interface Rebuild {

    String id();

    String group();

    RebuildKind kind();

    RebuildPhase phase();

    /** Moves the rebuild on; called on the rebuild thread until it is finished. */
    void tick();

    /** Stops it without switching anything (the service is shutting down). */
    void abort(String reason);

    RebuildView view(StoreSnapshot store);
}
