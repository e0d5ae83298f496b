package dev.tenancy.bench;

import org.bson.Document;

import java.util.Map;
import java.util.UUID;

/** A tenant of the seeded history: the template tenant's events under another id and slug. */
record TenantClone(String id, String slug) {

    /** The event under this tenant's id and slug, with its own event id and sequence number. */
    Document copy(Document event, Tenant template, long sequence, String payload) {
        Document copy = new Document();
        for (Map.Entry<String, Object> field : event.entrySet()) {
            Object value = field.getValue();
            copy.put(field.getKey(), value instanceof String text
                    ? text.replace(template.id(), id).replace(template.slug(), slug) : value);
        }
        copy.remove("_id");
        copy.put(AxonEventLayout.EVENT_ID, UUID.randomUUID().toString());
        copy.put(AxonEventLayout.SEQUENCE, sequence);
        if (payload != null) {
            copy.put(AxonEventLayout.PAYLOAD, payload.replace(template.id(), id));
        }
        return copy;
    }
}
