package dev.tenancy.query.replay;

import dev.tenancy.api.metadata.MetadataKeys;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The fence between a tenant's slice rebuild and the live processor's events of that tenant. */
class TenantFenceTest {

    private final TenantFence fence = new TenantFence();

    @Test
    void raisingWaitsForTheTenantsEventInFlightThenHoldsItsNextOnesUntilLowered() throws Exception {
        CountDownLatch handling = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> handle("t1", () -> {
            handling.countDown();
            waitFor(finish);
        }));
        assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> raised = CompletableFuture.runAsync(() -> {
            try {
                fence.raise("tenants", "t1");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !raised.isDone());
        finish.countDown();
        inFlight.get(5, TimeUnit.SECONDS);
        raised.get(5, TimeUnit.SECONDS);

        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> handle("t1", () -> { }));
        CompletableFuture<Void> otherTenant = CompletableFuture.runAsync(() -> handle("t2", () -> { }));
        otherTenant.get(5, TimeUnit.SECONDS);
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1)).until(() -> !next.isDone());

        fence.lower("tenants", "t1");
        next.get(5, TimeUnit.SECONDS);
    }

    private void handle(String tenantId, Runnable work) {
        var message = new GenericEventMessage<>("payload", MetaData.with(MetadataKeys.TENANT_ID, tenantId));
        InterceptorChain chain = () -> {
            work.run();
            return null;
        };
        try {
            fence.interceptor("tenants", new RateMeter()).handle(DefaultUnitOfWork.startAndGet(message), chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
