package dev.tenancy.gateway;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Folds the services' OpenAPI documents into one. On a name clash the earlier document wins, except that a path
 * served by both services (GET by one, POST by the other) keeps the operations of each.
 */
public final class OpenApiMerger {

    public static final String TITLE = "Tenancy Platform API";

    private static final String FALLBACK_OPENAPI_VERSION = "3.0.1";

    private OpenApiMerger() {
    }

    /**
     * @param documents   the available documents, in order of precedence
     * @param unavailable names of the services whose document could not be fetched
     */
    public static ObjectNode merge(Collection<? extends JsonNode> documents, Collection<String> unavailable) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode merged = json.objectNode();
        merged.put("openapi", first(documents, doc -> doc.path("openapi")).orElse(FALLBACK_OPENAPI_VERSION));
        ObjectNode info = merged.putObject("info")
                .put("title", TITLE)
                .put("description", "Commands are served by command-service, queries by query-service, "
                        + "both through this single base URL.");
        info.put("version", first(documents, doc -> doc.path("info").path("version")).orElse("unknown"));
        merged.putArray("servers").addObject().put("url", "/");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");

        Predicate<String> extension = name -> name.startsWith("x-");
        for (JsonNode doc : documents) {
            mergeFields(info, doc.path("info"), Integer.MAX_VALUE, extension);
            mergeFields(merged, doc, Integer.MAX_VALUE, extension.or("security"::equals));
            mergeFields(paths, doc.path("paths"), 2, name -> true);
            mergeFields(components, doc.path("components"), 2, name -> true);
            doc.path("tags").forEach(tag -> {
                if (!containsTag(tags, tag.path("name").asText())) {
                    tags.add(tag.deepCopy());
                }
            });
        }
        if (!unavailable.isEmpty()) {
            unavailable.forEach(merged.putArray("x-unavailable")::add);
        }
        return merged;
    }

    /**
     * Objects are merged key by key down to {@code depth} levels; below that the earlier value wins whole.
     * Arrays are unioned.
     */
    private static void mergeFields(ObjectNode target, JsonNode source, int depth, Predicate<String> accepted) {
        source.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (!accepted.test(name)) {
                return;
            }
            JsonNode existing = target.get(name);
            JsonNode incoming = field.getValue();
            if (existing == null) {
                target.set(name, incoming.deepCopy());
            } else if (depth > 1 && existing.isObject() && incoming.isObject()) {
                mergeFields((ObjectNode) existing, incoming, depth - 1, any -> true);
            } else if (existing.isArray() && incoming.isArray()) {
                ArrayNode array = (ArrayNode) existing;
                incoming.forEach(element -> {
                    if (!contains(array, element)) {
                        array.add(element.deepCopy());
                    }
                });
            }
        });
    }

    private static boolean contains(ArrayNode array, JsonNode element) {
        for (JsonNode candidate : array) {
            if (candidate.equals(element)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsTag(ArrayNode tags, String name) {
        for (JsonNode tag : tags) {
            if (tag.path("name").asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> first(Collection<? extends JsonNode> documents, Function<JsonNode, JsonNode> field) {
        return documents.stream().map(field).filter(JsonNode::isTextual).map(JsonNode::asText).findFirst();
    }
}
