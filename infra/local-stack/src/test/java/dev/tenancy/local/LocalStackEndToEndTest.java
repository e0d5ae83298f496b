package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's promise, end to end: the whole stack in one process (embedded MongoDB-wire server and Kafka broker,
 * both services, the gateway), driven over HTTP through the one base URL, and restarted on the same data dir.
 */
class LocalStackEndToEndTest extends StackTest {

    @Test
    void signUpThenReadTheNewTenantBackThroughTheGateway() {
        String slug = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode signup = client.signup(slug);
        String token = signup.get("accessToken").asText();

        StackClient.Response current = client.get("/api/v1/tenants/current", token);

        assertThat(current.status()).as(current.body()).isEqualTo(200);
        JsonNode tenant = current.json();
        assertThat(tenant.get("id").asText()).isEqualTo(signup.get("tenantId").asText());
        assertThat(tenant.get("slug").asText()).isEqualTo(slug);
        assertThat(tenant.get("name").asText()).isEqualTo("Org " + slug);
        assertThat(tenant.get("plan").asText()).isEqualTo("FREE");
        assertThat(tenant.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(tenant.at("/limits/users/max").asLong()).isEqualTo(5);
        assertThat(tenant.at("/limits/messagesPerMonth/max").asLong()).isEqualTo(1000);
    }

    @Test
    void aClientReadsItsOwnWriteByVersion() {
        JsonNode signup = client.signup("ryw-" + UUID.randomUUID().toString().substring(0, 8));

        StackClient.Response current = client.get("/api/v1/tenants/current", signup.get("accessToken").asText(),
                Map.of("X-Min-Version", signup.get("version").asText()));

        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().get("version").asLong()).isGreaterThanOrEqualTo(signup.get("version").asLong());
    }

    @Test
    void theSuperadminSignsInWithTheGeneratedCredentials() throws Exception {
        var superadmin = stack.superadmin();
        StackClient.Response login = client.post("/api/v1/auth/login", null,
                Map.of("email", superadmin.email(), "password", superadmin.password()));

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("role").asText()).isEqualTo("SUPERADMIN");
        assertThat(java.nio.file.Files.readString(stack.secretsDir().resolve("superadmin.properties")))
                .contains(superadmin.password());
        assertThat(stack.secretsDir().resolve("jwt-secret")).exists();
    }

    @Test
    void healthIsUpOnlyWithBothServicesMongoAndKafka() {
        StackClient.Response health = client.get("/actuator/health", null);

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        JsonNode body = health.json();
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/commandService/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/commandService/components/kafka/status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/queryService/components/mongo/status").asText()).isEqualTo("UP");
        assertThat(body.at("/components/queryService/components/kafka/status").asText()).isEqualTo("UP");
    }

    @Test
    void oneOpenApiDocumentDescribesBothServices() {
        StackClient.Response docs = client.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/tenants/signup")).isTrue();
        assertThat(paths.has("/api/v1/auth/login")).isTrue();
        assertThat(paths.has("/api/v1/tenants/current")).isTrue();
        assertThat(docs.body()).contains("x-problem-types").contains("slug-taken");
        assertThat(client.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void bothServicesExposePrometheusMetricsIncludingAxon() {
        StackClient.Response metrics = new StackClient(stack.commandUrl()).get("/actuator/prometheus", null);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("commandBus");
        assertThat(new StackClient(stack.queryUrl()).get("/actuator/prometheus", null).body())
                .contains("eventProcessor");
    }

    @Test
    void unauthenticatedAndUnknownRoutesAnswerProblems() {
        StackClient.Response anonymous = client.get("/api/v1/tenants/current", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("code").asText()).isEqualTo("unauthenticated");

        StackClient.Response forged = client.get("/api/v1/tenants/current", "not.a.jwt");
        assertThat(forged.status()).isEqualTo(401);

        StackClient.Response unknown = client.get("/api/v1/no-such-route", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
