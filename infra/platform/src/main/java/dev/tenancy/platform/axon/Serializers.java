package dev.tenancy.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Jackson serializers for stored messages. They are lenient readers (an old event with a field since removed still
 * loads) unlike the strict API mapper, and snapshots serialize aggregate fields directly since aggregates have no
 * getters.
 */
public final class Serializers {

    private Serializers() {
    }

    public static JacksonSerializer messages() {
        return JacksonSerializer.builder().objectMapper(baseMapper()).lenientDeserialization().build();
    }

    public static JacksonSerializer snapshots() {
        ObjectMapper mapper = baseMapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).lenientDeserialization().build();
    }

    private static ObjectMapper baseMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
