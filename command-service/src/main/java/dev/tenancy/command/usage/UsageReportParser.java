package dev.tenancy.command.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Resource;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one reading of a usage report, shared by the REST API and the Kafka consumer so both refuse the same things.
 * The rules that depend on the tenant (which resources it may report, its limits) stay in the aggregate.
 */
public final class UsageReportParser {

    public static final long MAX_DELTA = 1_000_000_000_000L;
    public static final int MAX_KEY_LENGTH = 200;
    /** Reporters' clocks drift; a report much further ahead than this is a bug on their side. */
    public static final Duration MAX_FUTURE = Duration.ofMinutes(5);
    static final Set<String> REPORT_FIELDS = Set.of("resource", "delta", "idempotencyKey", "occurredAt");
    static final Set<String> MESSAGE_FIELDS = Set.of("tenantId", "resource", "delta", "idempotencyKey", "occurredAt");
    private static final String RESOURCES = Arrays.stream(Resource.values()).map(Resource::key)
            .collect(Collectors.joining(", "));

    private final Clock clock;

    public UsageReportParser(Clock clock) {
        this.clock = clock;
    }

    /** A REST body: the tenant comes from the request, the key from the body or the Idempotency-Key header. */
    public ParsedReport parseRequest(JsonNode body, String tenantId, String headerKey) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> unknown = unknownFields(body, REPORT_FIELDS);
        String key = key(body.get("idempotencyKey"), headerKey, errors);
        return parse(body, tenantId, key, unknown, errors);
    }

    /** A message of the usage-reports topic, which names its tenant. */
    public ParsedReport parseMessage(JsonNode message) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> unknown = unknownFields(message, MESSAGE_FIELDS);
        JsonNode tenant = message.get("tenantId");
        String tenantId = null;
        if (tenant == null || tenant.isNull() || !tenant.isTextual() || tenant.asText().isBlank()) {
            errors.put("tenantId", "tenantId is required (a string)");
        } else {
            tenantId = tenant.asText();
        }
        String key = key(message.get("idempotencyKey"), null, errors);
        return parse(message, tenantId, key, unknown, errors);
    }

    private ParsedReport parse(JsonNode node, String tenantId, String key, List<String> unknown,
                               Map<String, String> errors) {
        Resource resource = resource(node.get("resource"), errors);
        long delta = delta(node.get("delta"), errors);
        Instant occurredAt = occurredAt(node.get("occurredAt"), errors);
        if (!unknown.isEmpty() || !errors.isEmpty()) {
            return new ParsedReport(null, unknown, errors);
        }
        return new ParsedReport(new UsageReport(tenantId, resource, delta, key, occurredAt), List.of(), Map.of());
    }

    private static List<String> unknownFields(JsonNode node, Set<String> known) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static Resource resource(JsonNode value, Map<String, String> errors) {
        if (value == null || value.isNull()) {
            errors.put("resource", "resource is required, one of " + RESOURCES);
            return null;
        }
        Resource resource = value.isTextual() ? Resource.fromKey(value.asText()).orElse(null) : null;
        if (resource == null) {
            errors.put("resource", "resource must be one of " + RESOURCES);
        }
        return resource;
    }

    private static long delta(JsonNode value, Map<String, String> errors) {
        if (value == null || value.isNull()) {
            errors.put("delta", "delta is required: a non-zero integer");
            return 0;
        }
        BigInteger limit = BigInteger.valueOf(MAX_DELTA);
        if (!value.isIntegralNumber() || value.bigIntegerValue().abs().compareTo(limit) > 0) {
            errors.put("delta", "delta must be an integer between -" + MAX_DELTA + " and " + MAX_DELTA);
            return 0;
        }
        if (value.longValue() == 0) {
            errors.put("delta", "delta must not be zero");
        }
        return value.longValue();
    }

    private static String key(JsonNode value, String headerKey, Map<String, String> errors) {
        String header = headerKey == null || headerKey.isEmpty() ? null : headerKey;
        if (value != null && !value.isNull() && !value.isTextual()) {
            errors.put("idempotencyKey", "idempotencyKey must be a string");
            return null;
        }
        String body = value == null || value.isNull() ? null : value.asText();
        if (body != null && header != null && !body.equals(header)) {
            errors.put("idempotencyKey", "idempotencyKey differs from the Idempotency-Key header; send one");
            return null;
        }
        String key = body != null ? body : header;
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            errors.put("idempotencyKey", "idempotencyKey is required, 1 to " + MAX_KEY_LENGTH + " characters");
            return null;
        }
        return key;
    }

    private Instant occurredAt(JsonNode value, Map<String, String> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            instant = null;
        }
        if (instant == null) {
            errors.put("occurredAt", "occurredAt must be an ISO-8601 instant such as 2025-01-31T12:00:00Z");
        } else if (instant.isAfter(clock.instant().plus(MAX_FUTURE))) {
            errors.put("occurredAt", "occurredAt must not be more than " + MAX_FUTURE.toMinutes()
                    + " minutes in the future");
        }
        return instant;
    }
}
