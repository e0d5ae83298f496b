package dev.tenancy.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * One row of the audit log: one stored event, in words. {@code type} is the event's class name, {@code typeName}
 * its simple name; {@code payload} is the event as stored, secrets masked.
 */
public record AuditEntry(
        String eventId,
        Instant time,
        String tenantId,
        String type,
        String typeName,
        String action,
        String summary,
        AuditActor actor,
        String actingSuperadmin,
        AuditTarget target,
        List<AuditChange> changes,
        String clientIp,
        String correlationId,
        String causationId,
        String requestId,
        AuditAggregate aggregate,
        JsonNode payload) {
}
