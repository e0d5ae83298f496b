package dev.tenancy.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting again on the same data dir keeps every tenant, credential and secret. */
class LocalStackRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsAllData() {
        JsonNode signup;
        String superadminPassword;
        try (LocalStack first = LocalStack.start(StackSettings.forTests(dataDir))) {
            signup = new StackClient(first.baseUrl()).signup("restart-me");
            superadminPassword = first.superadmin().password();
        }

        try (LocalStack second = LocalStack.start(StackSettings.forTests(dataDir))) {
            StackClient client = new StackClient(second.baseUrl());
            assertThat(second.superadmin().password()).isEqualTo(superadminPassword);
            assertThat(second.superadmin().createdNow()).isFalse();

            StackClient.Response stillValid = client.get("/api/v1/tenants/current",
                    signup.get("accessToken").asText());
            assertThat(stillValid.status()).as(stillValid.body()).isEqualTo(200);
            assertThat(stillValid.json().get("slug").asText()).isEqualTo("restart-me");

            StackClient.Response login = client.post("/api/v1/auth/login", null, Map.of(
                    "email", "owner@restart-me.test", "password", "correct-horse-42", "tenant", "restart-me"));
            assertThat(login.status()).as(login.body()).isEqualTo(200);

            StackClient.Response again = client.post("/api/v1/tenants/signup", null, Map.of("name", "Again",
                    "slug", "restart-me", "ownerEmail", "x@y.test", "ownerPassword", "correct-horse-42"));
            assertThat(again.status()).isEqualTo(409);
        }
    }
}
