package dev.tenancy.query.replay;

/** A rebuild of the whole read model, or of one tenant's documents in it. */
public enum RebuildKind {
    FULL,
    TENANT
}
