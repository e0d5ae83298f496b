package dev.tenancy.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.bson.Document;
import org.bson.types.Binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * The least a rebuild does with a stored event beyond fetching it: its serialized payload and metadata parsed, here
 * into JSON trees, about the work of binding them to the event classes as the services do. A scan that does this is
 * the floor of any rebuild's rate on the same store.
 */
final class EventParsing implements Consumer<Document> {

    static final String METADATA = "serializedMetaData";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void accept(Document event) {
        parse(event.get(AxonEventLayout.PAYLOAD));
        parse(event.get(METADATA));
    }

    private void parse(Object serialized) {
        try {
            if (serialized instanceof String text) {
                json.readTree(text);
            } else if (serialized instanceof Binary binary) {
                json.readTree(binary.getData());
            } else if (serialized != null && !(serialized instanceof Document)) {
                throw new IllegalStateException("Unexpected serialized form " + serialized.getClass());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
