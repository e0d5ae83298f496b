package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.usage.RecordApiCallsCommand;
import dev.tenancy.api.usage.RolloverUsagePeriodCommand;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type that shared-api defines is produced by the running system, and every stored event carries the
 * tenant and the call context in its metadata. A new event type fails this test until a scenario below produces it.
 */
class EventMetadataTest extends StackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventTypeIsProducedAndEveryEventCarriesItsTenant() throws Exception {
        String slug = "meta-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode signup = client.signup(slug);
        String tenantId = signup.get("tenantId").asText();
        exerciseEveryTenantCommand(tenantId, signup.get("accessToken").asText());
        exerciseUsage(client.signup("usage-" + UUID.randomUUID().toString().substring(0, 8)));
        ImpersonationEventScenario.run(client, superadminToken());
        ApiKeyEventScenario.run(client, superadminToken());
        SessionEventScenario.run(client, superadminToken());
        InvitationEventScenario.run(client, superadminToken());

        List<Document> stored;
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            stored = mongo.getDatabase("tenancy_events").getCollection("domainevents").find().into(new ArrayList<>());
        }

        Set<String> producedTypes = stored.stream().map(d -> d.getString("payloadType")).collect(Collectors.toSet());
        assertThat(producedTypes).containsAll(eventClassesOfSharedApi());
        for (Document event : stored) {
            JsonNode metadata = json(event.get("serializedMetaData"));
            JsonNode payload = json(event.get("serializedPayload"));
            assertThat(metadata.path(MetadataKeys.TENANT_ID).asText()).as(event.toJson())
                    .isNotEmpty().isEqualTo(payload.get("tenantId").asText());
            for (String key : List.of(MetadataKeys.ACTOR_ID, MetadataKeys.ACTOR_KIND, MetadataKeys.ACTOR_ROLE,
                    MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID, MetadataKeys.REQUEST_ID)) {
                assertThat(metadata.path(key).asText()).as(key + " in " + event.toJson()).isNotEmpty();
            }
            if ("USER".equals(metadata.path(MetadataKeys.ACTOR_KIND).asText())) {
                assertThat(metadata.path(MetadataKeys.CLIENT_IP).asText()).as(event.toJson()).isNotEmpty();
            }
        }
        List<Document> ofSignup = stored.stream().filter(d -> tenantId.equals(d.getString("aggregateIdentifier")))
                .toList();
        JsonNode created = json(ofSignup.get(0).get("serializedMetaData"));
        assertThat(created.get(MetadataKeys.ACTOR_ID).asText()).isEqualTo(signup.get("userId").asText());
        assertThat(created.get(MetadataKeys.ACTOR_KIND).asText()).isEqualTo("USER");
        assertThat(created.get(MetadataKeys.CLIENT_IP).asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        Document byKey = stored.stream().filter(d -> d.toJson().contains(ApiKeyEventScenario.USAGE_KEY_PREFIX))
                .findFirst().orElseThrow();
        JsonNode keyCall = json(byKey.get("serializedMetaData"));
        String keyId = json(byKey.get("serializedPayload")).get("idempotencyKey").asText()
                .substring(ApiKeyEventScenario.USAGE_KEY_PREFIX.length());
        assertThat(keyCall.get(MetadataKeys.ACTOR_KIND).asText()).as(byKey.toJson()).isEqualTo("API_KEY");
        assertThat(keyCall.get(MetadataKeys.ACTOR_ID).asText()).as(byKey.toJson()).isEqualTo(keyId);
    }

    /** Drives every tenant command once through the API, as the owner and as the superadmin. */
    private static void exerciseEveryTenantCommand(String tenantId, String ownerToken) {
        String superadmin = superadminToken();
        String admin = "/api/v1/tenants/" + tenantId;
        expect(client.send("PATCH", admin, superadmin, Map.of(), "{\"plan\":\"ENTERPRISE\","
                + "\"limits\":{\"users\":{\"unlimited\":false,\"max\":500}},\"features\":{\"AI_SUGGESTIONS\":false}}"),
                200);
        expect(client.send("PATCH", "/api/v1/tenants/current/settings", ownerToken, Map.of(),
                "{\"timezone\":\"Europe/Berlin\"}"), 200);
        expect(client.send("PATCH", "/api/v1/tenants/current/branding", ownerToken, Map.of(),
                "{\"primaryColor\":\"#112233\"}"), 200);
        expect(client.send("POST", "/api/v1/tenants/current/domains", ownerToken, Map.of(),
                "{\"domain\":\"meta.example.com\"}"), 201);
        expect(client.send("POST", admin + "/domains/meta.example.com/verify", superadmin, Map.of(),
                "{\"override\":true}"), 200);
        expect(client.send("DELETE", "/api/v1/tenants/current/domains/meta.example.com", ownerToken, Map.of(), ""),
                204);
        expect(client.send("PATCH", admin, superadmin, Map.of(), "{\"status\":\"SUSPENDED\",\"reason\":\"unpaid\"}"),
                200);
        expect(client.send("PATCH", admin, superadmin, Map.of(), "{\"status\":\"ACTIVE\",\"reason\":\"paid\"}"),
                200);
        expect(client.send("DELETE", admin, superadmin, Map.of(), "{\"reason\":\"closed\"}"), 200);
    }

    /**
     * Usage through the API, then what only time produces (a period reset, an hour's API calls) on a second command
     * service whose clock runs 40 days ahead.
     */
    private static void exerciseUsage(JsonNode signup) {
        String token = signup.get("accessToken").asText();
        String tenantId = signup.get("tenantId").asText();
        expect(client.send("POST", "/api/v1/tenants/current/usage", token, Map.of(),
                "{\"resource\":\"campaigns\",\"delta\":9,\"idempotencyKey\":\"m-1\"}"), 200);
        expect(client.send("POST", "/api/v1/tenants/current/usage", token, Map.of(),
                "{\"resource\":\"campaigns\",\"delta\":5,\"idempotencyKey\":\"m-2\"}"), 409);
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(40));
        ConfigurableApplicationContext later = stack.startCommandService(0,
                context -> context.getBeanFactory().registerSingleton("clock", ahead));
        CommandGateway commands = later.getBean(CommandGateway.class);
        CallContextHolder.callAs(CallContext.system(tenantId), () -> {
            commands.sendAndWait(new RolloverUsagePeriodCommand(tenantId));
            return commands.sendAndWait(new RecordApiCallsCommand(tenantId,
                    Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1)), 3));
        });
        later.close();
    }

    private static void expect(StackClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    /** axon-mongo stores serialized JSON either as a string or as a nested document, depending on the serializer. */
    private static JsonNode json(Object stored) throws Exception {
        return JSON.readTree(stored instanceof Document document ? document.toJson() : (String) stored);
    }

    private static Set<String> eventClassesOfSharedApi() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        Set<String> names = scanner.findCandidateComponents("dev.tenancy.api").stream()
                .map(definition -> definition.getBeanClassName()).collect(Collectors.toSet());
        assertThat(names).as("event classes found in shared-api").isNotEmpty();
        return names;
    }
}
