package dev.tenancy.platform.messaging;

import dev.tenancy.api.metadata.MetadataKeys;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Carries the call context from a message onto every message its handler produces, and records the handled message
 * as their cause. Replaces Axon's MessageOriginProvider, whose "correlationId" would overwrite the request's.
 */
public class CallContextCorrelationDataProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : MetadataKeys.PROPAGATED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(MetadataKeys.CAUSATION_ID, message.getIdentifier());
        return data;
    }
}
