package dev.tenancy.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Sorts;
import dev.tenancy.query.QueryServiceTestSupport;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replay tests run in a context of their own, on databases of their own, with the probe projection registered: its
 * processors must not share the event store with the other tests' context, or two contexts' live processors would
 * compete for the same tokens while one of them pauses its own.
 */
@TestPropertySource(properties = {
        "tenancy.event-store.event-database=replay_events",
        "tenancy.event-store.service-database=replay_query",
        "tenancy.replay.retire-after=1s",
        "tenancy.replay.registry-refresh=200ms",
        // a bulk pass writes out and may drop its cache every few events: the paths a long history takes
        "tenancy.replay.bulk-flush-events=5",
        "tenancy.replay.bulk-cache-documents=20"})
@Import(ReplayProbeConfiguration.class)
abstract class ReplayTestSupport extends QueryServiceTestSupport {

    @Autowired
    CollectionRegistry registry;
    @Autowired
    ReplayProbeControls probe;

    HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + superadminToken())
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    JsonNode projection(String name) throws Exception {
        HttpResponse<String> response = get("/api/v1/admin/projections/" + name, superadminToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    /** Starts a rebuild and answers its id. */
    String rebuild(String name, String query) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/admin/projections/" + name + "/rebuild" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).contains("/api/v1/admin/projections/" + name);
        return body(response).get("id").asText();
    }

    /** Waits for the rebuild to finish and answers how it ended, as the detail route shows it. */
    JsonNode awaitRebuild(String name, String rebuildId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode last = projection(name).get("lastRebuild");
            return last != null && !last.isNull() && last.get("id").asText().equals(rebuildId);
        });
        try {
            return projection(name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Document> probeDocument(String tenantId) {
        return Optional.ofNullable(registry.get(ReplayProbe.COLLECTION).find(new Document("_id", tenantId)).first());
    }

    /**
     * A content checksum of a read model collection as readers see it: every document in id order, each with its
     * fields in name order (field order is how a write happened to build the document, not what it says).
     */
    String checksum(String logical) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Document document : registry.get(logical).find().sort(Sorts.ascending("_id"))) {
                digest.update(canonical(document).toJson().getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()) + " (" + registry.get(logical).countDocuments() + ")";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> checksums(List<String> logical) {
        Map<String, String> sums = new TreeMap<>();
        logical.forEach(name -> sums.put(name, checksum(name)));
        return sums;
    }

    private static Document canonical(Document document) {
        Document sorted = new Document();
        new TreeMap<>(document).forEach((key, value) -> sorted.append(key, canonicalValue(value)));
        return sorted;
    }

    private static Object canonicalValue(Object value) {
        if (value instanceof Document nested) {
            return canonical(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            list.forEach(element -> values.add(canonicalValue(element)));
            return values;
        }
        return value;
    }
}
