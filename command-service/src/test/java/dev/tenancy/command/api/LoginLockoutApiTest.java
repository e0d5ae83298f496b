package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Brute force against sign-in: slowed from the 5th failure, locked for 15 minutes from the 10th. */
class LoginLockoutApiTest extends SessionApiTestSupport {

    @Test
    void failuresSlowDownThenLockTheAccountWithoutCheckingThePassword() throws Exception {
        Tenant tenant = signup();
        List<String> answers = failTenTimes(tenant, ownerEmail(tenant));

        assertThat(answers).containsExactly("401", "401", "401", "401", "401", "429:2", "401", "429:4", "401",
                "401", "401", "401", "429:900");
        HttpResponse<String> locked = login(tenant, PASSWORD);
        JsonNode problem = assertProblem(locked, 429, "too-many-attempts");
        assertThat(locked.headers().firstValue("Retry-After")).contains("900");
        assertThat(problem.get("retryAfter").asLong()).isEqualTo(900);
        assertThat(problem.has("accessToken")).isFalse();

        clock.advance(Duration.ofMinutes(15));
        ok(login(tenant, PASSWORD), 200);
        assertProblem(login(tenant, "wrong-horse-42"), 401, "invalid-credentials");
        assertProblem(login(tenant, "wrong-horse-42"), 401, "invalid-credentials");
    }

    @Test
    void anEmailThatDoesNotExistGetsExactlyTheSameAnswers() throws Exception {
        Tenant tenant = signup();
        String nobody = "nobody-" + UUID.randomUUID() + "@" + tenant.slug() + ".test";
        List<String> forNobody = failTenTimes(tenant, nobody);
        JsonNode lockedNobody = problemBody(send("POST", LOGIN, null, body(nobody, PASSWORD, tenant.slug())));

        List<String> forOwner = failTenTimes(tenant, ownerEmail(tenant));
        JsonNode lockedOwner = problemBody(login(tenant, PASSWORD));

        assertThat(forNobody).isEqualTo(forOwner).hasSize(13);
        assertThat(lockedNobody).isEqualTo(lockedOwner);
        assertThat(lockedOwner.get("retryAfter").asLong()).isEqualTo(900);
    }

    @Test
    void aTenantThatDoesNotExistIsCountedLikeOneThatDoes() throws Exception {
        String slug = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 5; i++) {
            assertProblem(send("POST", LOGIN, null, body("a@ghost.test", "wrong-horse-42", slug)), 401,
                    "invalid-credentials");
        }
        assertProblem(send("POST", LOGIN, null, body("a@ghost.test", "wrong-horse-42", slug)), 429,
                "too-many-attempts");
        assertProblem(send("POST", LOGIN, null, body("a@ghost.test", "wrong-horse-42", slug.toUpperCase())), 429,
                "too-many-attempts");
    }

    @Test
    void aSuccessfulSignInResetsTheCount() throws Exception {
        Tenant tenant = signup();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertProblem(login(tenant, "wrong-horse-42"), 401, "invalid-credentials");
            }
            ok(login(tenant, PASSWORD), 200);
        }
    }

    @Test
    void accountsAreCountedSeparatelyAndTheEmailsCaseDoesNotMatter() throws Exception {
        Tenant tenant = signup();
        Tenant other = signup();
        for (int i = 0; i < 5; i++) {
            assertProblem(send("POST", LOGIN, null, body(ownerEmail(tenant).toUpperCase(), "wrong-horse-42",
                    tenant.slug())), 401, "invalid-credentials");
        }
        assertProblem(login(tenant, PASSWORD), 429, "too-many-attempts");
        ok(login(other, PASSWORD), 200);
    }

    @Test
    void overlongInputIsRefusedBeforeAnythingIsCounted() throws Exception {
        assertProblem(send("POST", LOGIN, null, body("a".repeat(250) + "@x.test", "wrong-horse-42", "acme")), 400,
                "validation-failed", "email");
        assertProblem(send("POST", LOGIN, null, body("a@x.test", "wrong-horse-42", "t".repeat(101))), 400,
                "validation-failed", "tenant");
        assertThat(mongo.getDatabase("tenancy_command").getCollection("login_attempts")
                .countDocuments(new org.bson.Document("_id", new org.bson.Document("$regex", "t{101}")))).isZero();
    }

    /** Wrong passwords, one per allowed moment; each answer as status, with Retry-After when refused. */
    private List<String> failTenTimes(Tenant tenant, String address) throws Exception {
        List<String> answers = new ArrayList<>();
        for (long wait : new long[]{0, 0, 0, 0, 0, -1, 2, -1, 4, 8, 16, 32, -1}) {
            if (wait > 0) {
                clock.advance(Duration.ofSeconds(wait));
            }
            HttpResponse<String> response = send("POST", LOGIN, null, body(address, "wrong-horse-42", tenant.slug()));
            answers.add(response.statusCode() == 429
                    ? "429:" + response.headers().firstValue("Retry-After").orElse("?")
                    : Integer.toString(response.statusCode()));
        }
        return answers;
    }

    private JsonNode problemBody(HttpResponse<String> response) throws Exception {
        ObjectNode problem = (ObjectNode) assertProblem(response, 429, "too-many-attempts");
        problem.remove(List.of("instance", "correlationId"));
        return problem;
    }

    private static String body(String email, String password, String tenant) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"tenant\":\"" + tenant + "\"}";
    }
}
