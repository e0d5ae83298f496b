package dev.tenancy.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.UnknownSerializedType;
import org.bson.Document;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Event payloads and metadata as JSON trees, with anything that looks like a secret masked. Events never carry
 * secrets (house rule); masking every field whose name says secret, password, token or hash is the second line of
 * defence for the audit log and the event console, which show payloads to people.
 */
public final class EventJson {

    public static final String MASK = "********";
    private static final Pattern SENSITIVE = Pattern.compile("secret|password|token|hash");
    /** Dates as ISO-8601 text, the same shape the event serializer stores. */
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventJson() {
    }

    /** A payload object (a record, or an event type this service does not know) as masked JSON. */
    public static JsonNode payload(Object payload) {
        JsonNode tree;
        if (payload == null) {
            tree = JsonNodeFactory.instance.objectNode();
        } else if (payload instanceof UnknownSerializedType unknown) {
            tree = unknownPayload(unknown);
        } else {
            tree = MAPPER.valueToTree(payload);
        }
        return masked(tree);
    }

    /** An event class this service does not have (yet): its stored JSON, still shown rather than dropped. */
    private static JsonNode unknownPayload(UnknownSerializedType unknown) {
        try {
            return unknown.readData(JsonNode.class);
        } catch (RuntimeException e) {
            return JsonNodeFactory.instance.objectNode().put("unreadablePayloadOf", unknown.serializedType().getName());
        }
    }

    /** A stored serialized payload or metadata (JSON text, or a document where a serializer stored one). */
    public static JsonNode stored(Object serialized) {
        if (serialized == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        String text = serialized instanceof Document document ? document.toJson() : serialized.toString();
        try {
            return masked(MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    public static String text(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return text == null ? JsonNodeFactory.instance.nullNode() : MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(text);
        }
    }

    public static boolean sensitive(String name) {
        return name != null && SENSITIVE.matcher(name.toLowerCase(Locale.ROOT)).find();
    }

    /**
     * Masks, at any depth, every field whose name is sensitive, and the old and new values of a settings change
     * ({@code field}, {@code oldValue}, {@code newValue}) whose field is.
     */
    static JsonNode masked(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        mask(copy);
        return copy;
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean sensitiveChange = object.path("field").isTextual() && sensitive(object.get("field").asText());
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean valueOfSensitiveChange = sensitiveChange && !field.getKey().equals("field");
                if ((sensitive(field.getKey()) || valueOfSensitiveChange) && !field.getValue().isNull()) {
                    field.setValue(JsonNodeFactory.instance.textNode(MASK));
                } else {
                    mask(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(EventJson::mask);
        }
    }
}
