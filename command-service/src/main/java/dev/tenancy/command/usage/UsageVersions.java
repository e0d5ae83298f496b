package dev.tenancy.command.usage;

import dev.tenancy.api.tenant.TenantMessage;
import dev.tenancy.api.usage.UsageRecordedEvent;
import dev.tenancy.api.usage.UsageRefusedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tenant's version after a usage report, for the REST answer: the ledger answers an outcome rather than the
 * version. It runs in the subscribing group, in the unit of work of the command, so the version is known before the
 * command's sender gets its answer; the last event of that unit of work (a threshold after the report) counts.
 * Versions nobody collects (reports from Kafka) are dropped oldest first.
 */
@Component
@ProcessingGroup(UsagePeriodProjection.GROUP)
public class UsageVersions {

    private static final int CAPACITY = 10_000;
    private static final String KEY_RESOURCE = UsageVersions.class.getName() + ".idempotencyKey";

    private final Map<String, Long> versions = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > CAPACITY;
        }
    });

    @EventHandler
    void on(TenantMessage event, DomainEventMessage<?> message) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        String key = reportKey(event);
        if (key != null) {
            root.resources().put(KEY_RESOURCE, key);
        } else {
            key = (String) root.getResource(KEY_RESOURCE);
        }
        if (key != null) {
            versions.put(slot(event.tenantId(), key), message.getSequenceNumber());
        }
    }

    /** The version after the report with this key, once: the caller that sent it takes it. */
    public Optional<Long> take(String tenantId, String idempotencyKey) {
        return Optional.ofNullable(versions.remove(slot(tenantId, idempotencyKey)));
    }

    private static String reportKey(Object event) {
        if (event instanceof UsageRecordedEvent recorded) {
            return recorded.idempotencyKey();
        }
        if (event instanceof UsageRefusedEvent refused) {
            return refused.idempotencyKey();
        }
        return null;
    }

    private static String slot(String tenantId, String key) {
        return tenantId + '\u0000' + key;
    }
}
