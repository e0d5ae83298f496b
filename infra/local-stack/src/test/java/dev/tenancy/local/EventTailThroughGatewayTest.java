package dev.tenancy.local;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The superadmin's live tail of events streams through the gateway as it happens, not when the response ends. */
class EventTailThroughGatewayTest extends StackTest {

    @Test
    void aSettingsChangeArrivesOnTheTailWhileTheStreamStaysOpen() throws Exception {
        var signup = client.signup("tail-" + UUID.randomUUID().toString().substring(0, 8));
        String tenantId = signup.get("tenantId").asText();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(stack.baseUrl() + "/api/v1/admin/events/stream?tenantId=" + tenantId))
                .header("Authorization", "Bearer " + superadminToken())
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        List<String> lines = new CopyOnWriteArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            reader.submit(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(15)).until(() -> lines.contains(":tailing"));

            StackClient.Response changed = client.send("PATCH", "/api/v1/tenants/current/settings",
                    signup.get("accessToken").asText(), Map.of(), "{\"timezone\":\"Asia/Tokyo\"}");
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream()
                    .anyMatch(line -> line.startsWith("data:") && line.contains("SettingsChangedEvent")
                            && line.contains("Asia/Tokyo")));
        } finally {
            reader.shutdownNow();
        }
    }
}
