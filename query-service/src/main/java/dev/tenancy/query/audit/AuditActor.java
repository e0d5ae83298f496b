package dev.tenancy.query.audit;

/** Who acted: {@code kind} USER, API_KEY, SERVICE or SYSTEM, with the role they acted in. */
public record AuditActor(String id, String kind, String role) {
}
