package dev.tenancy.query.audit;

/** The aggregate stream the event belongs to and its place in it; all null for an event without an aggregate. */
public record AuditAggregate(String type, String id, Long sequence) {
}
