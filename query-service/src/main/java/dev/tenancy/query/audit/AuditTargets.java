package dev.tenancy.query.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;

/**
 * The entity an event names, by the payload's field names: an API key, invitation, user, domain or resource first,
 * then any other {@code ...Id} field, else the tenant (or the aggregate) itself.
 */
final class AuditTargets {

    private static final List<String> PREFERRED = List.of("keyId", "apiKeyId", "invitationId", "userId", "domain",
            "resource");

    private AuditTargets() {
    }

    static AuditTarget of(JsonNode payload, String aggregateType, String aggregateId, String tenantId) {
        for (String field : PREFERRED) {
            String value = text(payload.get(field));
            if (value != null) {
                return new AuditTarget(kind(field), value);
            }
        }
        Iterator<String> names = payload.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            String value = text(payload.get(field));
            if (field.endsWith("Id") && !field.equals("tenantId") && value != null) {
                return new AuditTarget(kind(field), value);
            }
        }
        if (aggregateId != null && !aggregateId.equals(tenantId) && aggregateType != null) {
            return new AuditTarget(kind(aggregateType.replace("Aggregate", "")), aggregateId);
        }
        return new AuditTarget("tenant", tenantId != null ? tenantId : aggregateId);
    }

    /** {@code apiKeyId} -> apiKey, {@code ApiKey} -> apiKey. */
    private static String kind(String name) {
        String kind = name.endsWith("Id") && name.length() > 2 ? name.substring(0, name.length() - 2) : name;
        return kind.isEmpty() ? name : Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
    }

    private static String text(JsonNode value) {
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? value.asText() : null;
    }
}
