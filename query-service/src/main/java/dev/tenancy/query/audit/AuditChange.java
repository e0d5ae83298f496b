package dev.tenancy.query.audit;

/** One field an event changed or set, its values as text ({@code oldValue} null when the event only sets it). */
public record AuditChange(String field, String oldValue, String newValue) {
}
