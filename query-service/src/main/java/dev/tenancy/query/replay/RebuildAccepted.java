package dev.tenancy.query.replay;

/** A rebuild was started; {@code status} is where its progress is shown. */
public record RebuildAccepted(String id, String projection, RebuildKind kind, String tenant, String status) {
}
