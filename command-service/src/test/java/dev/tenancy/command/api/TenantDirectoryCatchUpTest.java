package dev.tenancy.command.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.MongoException;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.command.directory.TenantDirectoryStore;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The command side's directory is written by a subscribing projection in the command's unit of work; when that write
 * fails the events are already stored. The catch-up processor repairs the entry without waiting for another event.
 */
@TestPropertySource(properties = {
        // its own event store and directory: the other test contexts' catch-up processors would repair it otherwise
        "tenancy.event-store.event-database=catch_up_events",
        "tenancy.event-store.service-database=catch_up_command"})
class TenantDirectoryCatchUpTest extends CommandApiTestSupport {

    @MockitoSpyBean
    TenantDirectoryStore directory;

    @Test
    void aDirectoryWriteThatFailedInTheCommandIsRepairedWithoutAnotherEvent() throws Exception {
        Tenant tenant = signup();
        doThrow(new MongoException("directory write refused")).doCallRealMethod().when(directory)
                .write(eq(tenant.id()), argThat(entry -> entry.status() == TenantStatus.SUSPENDED));

        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(),
                "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid invoice\"}"), 200);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode problem = assertProblem(send("PATCH", "/api/v1/tenants/current/settings", tenant.ownerToken(),
                    "{\"timezone\":\"Europe/Berlin\"}"), 403, "tenant-suspended");
            assertThat(problem.get("reason").asText()).isEqualTo("unpaid invoice");
        });
        verify(directory, times(2)).write(eq(tenant.id()), argThat(entry -> entry.status() == TenantStatus.SUSPENDED));
    }
}
