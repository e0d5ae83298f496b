package dev.tenancy.query.audit;

/** The entity an event is about: {@code kind} user, invitation, key, domain, resource... or tenant. */
public record AuditTarget(String kind, String id) {
}
