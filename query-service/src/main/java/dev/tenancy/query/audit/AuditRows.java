package dev.tenancy.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.metadata.MetadataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.UnknownSerializedType;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The audit row of an event and back. A row depends on the event alone (never on the time it is projected or on
 * other rows), so projecting the same event again, or replaying the store from zero, writes the same row.
 */
final class AuditRows {

    static final String ID = "_id";
    static final String TENANT_ID = "tenantId";
    static final String TIME = "time";
    static final String TYPE = "type";
    static final String TYPE_NAME = "typeName";
    static final String ACTION = "action";
    /** The action in lower case: what the {@code action} filter matches, whatever the caller's capitals. */
    static final String ACTION_KEY = "actionKey";
    static final String SUMMARY = "summary";
    static final String ACTOR_ID = "actorId";
    static final String ACTOR_KIND = "actorKind";
    static final String ACTOR_ROLE = "actorRole";
    static final String ACTING_SUPERADMIN = "actingSuperadmin";
    static final String TARGET_KIND = "targetKind";
    static final String TARGET = "target";
    static final String CHANGES = "changes";
    static final String CLIENT_IP = "clientIp";
    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "causationId";
    static final String REQUEST_ID = "requestId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE = "sequence";
    static final String PAYLOAD = "payload";
    /** Lower-case action, summary, target and changes: what {@code q} searches. */
    static final String SEARCH = "search";

    private AuditRows() {
    }

    static Document of(EventMessage<?> message) {
        Object payload = message.getPayload();
        String type = payload instanceof UnknownSerializedType unknown ? unknown.serializedType().getName()
                : message.getPayloadType().getName();
        String typeName = type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
        JsonNode body = EventJson.payload(payload);
        MetaData metadata = message.getMetaData();
        String aggregateType = null;
        String aggregateId = null;
        Long sequence = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        String tenantId = text(metadata.get(MetadataKeys.TENANT_ID));
        if (tenantId == null && body.path("tenantId").isTextual()) {
            tenantId = body.get("tenantId").asText();
        }
        String action = AuditWording.action(typeName);
        AuditTarget target = AuditTargets.of(body, aggregateType, aggregateId, tenantId);
        List<AuditChange> changes = AuditChanges.of(body);
        String summary = AuditWording.summary(typeName, action, body, target, changes);
        List<Document> changeDocuments = new ArrayList<>();
        StringBuilder search = new StringBuilder(action).append('\n').append(summary).append('\n')
                .append(target.kind()).append(' ').append(target.id());
        for (AuditChange change : changes) {
            changeDocuments.add(new Document("field", change.field()).append("oldValue", change.oldValue())
                    .append("newValue", change.newValue()));
            search.append('\n').append(change.field()).append(' ').append(change.oldValue()).append(' ')
                    .append(change.newValue());
        }
        return new Document(ID, message.getIdentifier())
                .append(TENANT_ID, tenantId)
                .append(TIME, Date.from(message.getTimestamp()))
                .append(TYPE, type)
                .append(TYPE_NAME, typeName)
                .append(ACTION, action)
                .append(ACTION_KEY, action.toLowerCase(Locale.ROOT))
                .append(SUMMARY, summary)
                .append(ACTOR_ID, text(metadata.get(MetadataKeys.ACTOR_ID)))
                .append(ACTOR_KIND, text(metadata.get(MetadataKeys.ACTOR_KIND)))
                .append(ACTOR_ROLE, text(metadata.get(MetadataKeys.ACTOR_ROLE)))
                .append(ACTING_SUPERADMIN, text(metadata.get(MetadataKeys.ACTING_SUPERADMIN)))
                .append(TARGET_KIND, target.kind())
                .append(TARGET, target.id())
                .append(CHANGES, changeDocuments)
                .append(CLIENT_IP, text(metadata.get(MetadataKeys.CLIENT_IP)))
                .append(CORRELATION_ID, text(metadata.get(MetadataKeys.CORRELATION_ID)))
                .append(CAUSATION_ID, text(metadata.get(MetadataKeys.CAUSATION_ID)))
                .append(REQUEST_ID, text(metadata.get(MetadataKeys.REQUEST_ID)))
                .append(AGGREGATE_TYPE, aggregateType)
                .append(AGGREGATE_ID, aggregateId)
                .append(SEQUENCE, sequence)
                .append(PAYLOAD, EventJson.text(body))
                .append(SEARCH, search.toString().toLowerCase(Locale.ROOT));
    }

    static AuditEntry entry(Document row) {
        List<AuditChange> changes = new ArrayList<>();
        for (Document change : row.getList(CHANGES, Document.class, List.of())) {
            changes.add(new AuditChange(change.getString("field"), change.getString("oldValue"),
                    change.getString("newValue")));
        }
        Number sequence = (Number) row.get(SEQUENCE);
        return new AuditEntry(row.getString(ID), time(row), row.getString(TENANT_ID), row.getString(TYPE),
                row.getString(TYPE_NAME), row.getString(ACTION), row.getString(SUMMARY),
                new AuditActor(row.getString(ACTOR_ID), row.getString(ACTOR_KIND), row.getString(ACTOR_ROLE)),
                row.getString(ACTING_SUPERADMIN),
                new AuditTarget(row.getString(TARGET_KIND), row.getString(TARGET)), changes,
                row.getString(CLIENT_IP), row.getString(CORRELATION_ID), row.getString(CAUSATION_ID),
                row.getString(REQUEST_ID),
                new AuditAggregate(row.getString(AGGREGATE_TYPE), row.getString(AGGREGATE_ID),
                        sequence == null ? null : sequence.longValue()),
                EventJson.parse(row.getString(PAYLOAD)));
    }

    static Instant time(Document row) {
        return row.getDate(TIME).toInstant();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
