package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.usage.RecordUsageCommand;
import dev.tenancy.api.usage.UsageOutcome;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many clients and two command-service instances on one event store push increments against one limit. The
 * tenant aggregate decides each one; lost append races are retried on fresh state, so exactly the limit is accepted
 * and a retried idempotency key never counts twice, whichever instance it reaches.
 */
class UsageConcurrencyTest extends StackTest {

    private static final int CLIENTS = 8;
    private static final int ATTEMPTS = 40;

    @Test
    void twoInstancesAcceptExactlyTheLimit() throws Exception {
        JsonNode signup = client.signup("race-" + UUID.randomUUID().toString().substring(0, 8));
        String tenantId = signup.get("tenantId").asText();
        long limit = 10;
        List<CommandGateway> instances = List.of(
                stack.serviceContexts().get(0).getBean(CommandGateway.class),
                stack.startCommandService(0).getBean(CommandGateway.class));

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Callable<UsageOutcome>> calls = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            CommandGateway instance = instances.get(i % 2);
            String key = "k-" + i;
            calls.add(() -> send(instance, tenantId, key));
        }
        List<UsageOutcome> outcomes = new ArrayList<>();
        for (Future<UsageOutcome> future : pool.invokeAll(calls)) {
            outcomes.add(future.get());
        }
        List<UsageOutcome> retries = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            retries.add(send(instances.get((i + 1) % 2), tenantId, "k-" + i));
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(UsageOutcome::accepted).hasSize((int) limit);
        assertThat(outcomes).filteredOn(o -> !o.accepted()).hasSize(ATTEMPTS - (int) limit)
                .allMatch(o -> "limit-exceeded".equals(o.reason()));
        assertThat(retries).allMatch(UsageOutcome::replayed);
        assertThat(retries).filteredOn(UsageOutcome::accepted).hasSize((int) limit);
        assertThat(countedInEventStore(tenantId)).isEqualTo(limit);
        String owner = signup.get("accessToken").asText();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode usage = client.get("/api/v1/tenants/current/usage", owner).json();
            JsonNode campaigns = usage.findParents("resource").stream()
                    .filter(r -> r.get("resource").asText().equals("campaigns")).findFirst().orElseThrow();
            assertThat(campaigns.get("used").asLong()).as("the read model converges").isEqualTo(limit);
            assertThat(campaigns.get("thresholds").toString()).contains("80").contains("100");
        });
    }

    private static UsageOutcome send(CommandGateway instance, String tenantId, String key) {
        CallContext context = new CallContext(tenantId, "load-client", ActorKind.SERVICE, "SERVICE",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), "127.0.0.1", null);
        return CallContextHolder.callAs(context, () -> instance.sendAndWait(
                new RecordUsageCommand(tenantId, Resource.CAMPAIGNS, 1, key, Instant.now())));
    }

    /** The tenant's counted campaign reports (the owner's seat at signup is a UsageRecordedEvent too). */
    private static long countedInEventStore(String tenantId) {
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            return mongo.getDatabase("tenancy_events").getCollection("domainevents").find(
                    new Document("aggregateIdentifier", tenantId)
                            .append("payloadType", "dev.tenancy.api.usage.UsageRecordedEvent"))
                    .into(new ArrayList<>()).stream().filter(event -> event.toJson().contains("CAMPAIGNS")).count();
        }
    }
}
