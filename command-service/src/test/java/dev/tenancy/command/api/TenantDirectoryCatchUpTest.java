package dev.tenancy.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.command.directory.DirectoryEntry;
import dev.tenancy.command.directory.TenantDirectoryStore;
import dev.tenancy.platform.axon.EventStoreProperties;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The command side's directory is written by a subscribing projection in the command's unit of work; when that write
 * fails the events are already stored. The catch-up processor repairs the entry without waiting for another event.
 */
@TestPropertySource(properties = {
        // its own event store and directory: the other test contexts' catch-up processors would repair it otherwise
        "tenancy.event-store.event-database=catch_up_events",
        "tenancy.event-store.service-database=catch_up_command"})
@Import(TenantDirectoryCatchUpTest.FailingDirectory.class)
class TenantDirectoryCatchUpTest extends CommandApiTestSupport {

    @Autowired
    FailOnceDirectoryStore directory;

    @Test
    void aDirectoryWriteThatFailedInTheCommandIsRepairedWithoutAnotherEvent() throws Exception {
        Tenant tenant = signup();
        directory.failNextSuspendedWrite(tenant.id());

        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid invoice\"}"), 200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            DirectoryEntry entry = directory.find(tenant.id()).orElseThrow();
            assertThat(entry.status()).isEqualTo(TenantStatus.SUSPENDED);
            assertThat(entry.statusReason()).isEqualTo("unpaid invoice");
        });
        assertThat(directory.armed).as("the suspended entry's first write failed").isEmpty();
        assertThat(directory.suspendedWrites.get(tenant.id())).as("and was written again")
                .hasValueGreaterThanOrEqualTo(2);
    }

    /**
     * Fails a tenant's first write of a suspended entry. A subclass rather than a Mockito spy: the directory is
     * written from processor threads all the time, and stubbing a spy while other threads call it is not safe.
     */
    static class FailOnceDirectoryStore extends TenantDirectoryStore {

        final Set<String> armed = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> suspendedWrites = new ConcurrentHashMap<>();

        FailOnceDirectoryStore(MongoClient client, EventStoreProperties properties, EventStore eventStore) {
            super(client, properties, eventStore);
        }

        void failNextSuspendedWrite(String tenantId) {
            armed.add(tenantId);
        }

        @Override
        public void write(DirectoryEntry entry) {
            String tenantId = entry.tenantId();
            if (entry.status() == TenantStatus.SUSPENDED) {
                suspendedWrites.computeIfAbsent(tenantId, id -> new AtomicInteger()).incrementAndGet();
                if (armed.remove(tenantId)) {
                    throw new MongoException("directory write refused");
                }
            }
            super.write(entry);
        }
    }

    @TestConfiguration
    static class FailingDirectory {

        @Bean
        @Primary
        FailOnceDirectoryStore failOnceDirectoryStore(MongoClient client, EventStoreProperties properties,
                                                      EventStore eventStore) {
            return new FailOnceDirectoryStore(client, properties, eventStore);
        }
    }
}
