package dev.tenancy.bench;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventParsingTest {

    private final EventParsing parsing = new EventParsing();

    @Test
    void parsesPayloadAndMetadataStoredAsTextOrBytes() {
        Document event = new Document(AxonEventLayout.PAYLOAD, "{\"tenantId\":\"t-1\",\"used\":3}")
                .append(EventParsing.METADATA, new Binary("{\"tenantId\":\"t-1\"}".getBytes(StandardCharsets.UTF_8)));

        assertThatCode(() -> parsing.accept(event)).doesNotThrowAnyException();
    }

    @Test
    void aPayloadThatIsNotJsonFailsTheScanInsteadOfCounting() {
        Document event = new Document(AxonEventLayout.PAYLOAD, "{\"tenantId\":").append(EventParsing.METADATA, "{}");

        assertThatThrownBy(() -> parsing.accept(event)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anUnknownSerializedFormIsRefused() {
        Document event = new Document(AxonEventLayout.PAYLOAD, 42).append(EventParsing.METADATA, "{}");

        assertThatThrownBy(() -> parsing.accept(event)).hasMessageContaining("Integer");
    }
}
