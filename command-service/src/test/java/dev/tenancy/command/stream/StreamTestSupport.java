package dev.tenancy.command.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Sorts;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.command.CommandServiceApplication;
import dev.tenancy.embedded.EmbeddedKafka;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An in-memory MongoDB, a real broker on a fixed port with its data in a directory that outlives it (so a test can
 * stop it and start it again with its topics), and command-service contexts talking to both.
 */
final class StreamTestSupport implements AutoCloseable {

    /** No request may wait for Kafka: a request hanging this long fails the test. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private final MongoServer mongoServer = new MongoServer(new MemoryBackend());
    private final String mongoUri = "mongodb://localhost:" + mongoServer.bind().getPort();
    private final MongoClient mongo = MongoClients.create(mongoUri);
    private final Path kafkaData = temporaryDirectory();
    private final int kafkaPort = freePort();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private EmbeddedKafka kafka;

    record Tenant(String id, String slug, String token) {
    }

    String bootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** Starts the broker on the same port and data directory every time: its topics and records survive. */
    void startKafka() {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(kafkaData, kafkaPort);
        }
    }

    void stopKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    /** A command service publishing to the stream (Kafka's usage consumer and the API rate limit are off by default). */
    ConfigurableApplicationContext startService(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers(),
                "--tenancy.jwt.secret=test-secret-test-secret-test-secret-0123456789",
                "--tenancy.password.bcrypt-strength=4",
                "--tenancy.health.kafka.enabled=false",
                "--tenancy.usage.kafka.enabled=false",
                "--tenancy.usage.rollover.enabled=false",
                "--tenancy.rate-limit.enabled=false"));
        for (String extra : extraArgs) {
            // a repeated command-line property would be read as "first,second", so an extra one replaces the default
            String key = extra.substring(0, extra.indexOf('=') + 1);
            args.removeIf(arg -> arg.startsWith(key));
            args.add(extra);
        }
        ConfigurableApplicationContext context = CommandServiceApplication.builder().run(args.toArray(String[]::new));
        services.add(context);
        return context;
    }

    Tenant signup(ConfigurableApplicationContext service) throws Exception {
        String slug = "s-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = send(service, "POST", "/api/v1/tenants/signup", null,
                "{\"name\":\"Acme\",\"slug\":\"" + slug + "\",\"ownerEmail\":\"o@" + slug
                        + ".test\",\"ownerPassword\":\"correct-horse-42\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        return new Tenant(body.get("tenantId").asText(), slug, body.get("accessToken").asText());
    }

    /** One SettingsChangedEvent: the timezone differs on every call. */
    void changeSettings(ConfigurableApplicationContext service, Tenant tenant, int round) throws Exception {
        String timezone = List.of("Europe/Berlin", "Asia/Tokyo", "America/New_York").get(round % 3);
        HttpResponse<String> response = send(service, "PATCH", "/api/v1/tenants/current/settings", tenant.token(),
                "{\"timezone\":\"" + timezone + "\",\"security\":{\"sessionTimeoutMinutes\":" + (30 + round) + "}}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** One usage event: recorded, or refused once the plan's limit is reached. */
    void reportUsage(ConfigurableApplicationContext service, Tenant tenant, String key) throws Exception {
        HttpResponse<String> response = send(service, "POST", "/api/v1/tenants/current/usage", tenant.token(),
                "{\"resource\":\"messagesPerMonth\",\"delta\":1,\"idempotencyKey\":\"" + key + "\"}");
        assertThat(response.statusCode()).as(response.body()).isIn(200, 409);
    }

    HttpResponse<String> get(ConfigurableApplicationContext service, String path) throws Exception {
        return send(service, "GET", path, null, null);
    }

    private HttpResponse<String> send(ConfigurableApplicationContext service, String method, String path,
                                      String token, String body) throws Exception {
        String port = service.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The tenant's stored events in aggregate order, as the event store has them. */
    List<Document> storedEvents(String tenantId) {
        return mongo.getDatabase("tenancy_events").getCollection("domainevents")
                .find(new Document("aggregateIdentifier", tenantId))
                .sort(Sorts.ascending("sequenceNumber"))
                .into(new ArrayList<>());
    }

    List<String> storedEventIds(String tenantId) {
        return storedEvents(tenantId).stream().map(event -> event.getString("eventIdentifier")).toList();
    }

    long storedEventCount() {
        return mongo.getDatabase("tenancy_events").getCollection("domainevents").countDocuments();
    }

    Document publisherToken() {
        return mongo.getDatabase("tenancy_command").getCollection("trackingtokens")
                .find(new Document("processorName", TenantEventPublisher.GROUP)).first();
    }

    void deletePublisherToken() {
        mongo.getDatabase("tenancy_command").getCollection("trackingtokens")
                .deleteMany(new Document("processorName", TenantEventPublisher.GROUP));
    }

    @Override
    public void close() throws IOException {
        services.forEach(ConfigurableApplicationContext::close);
        if (kafka != null) {
            kafka.close();
        }
        mongo.close();
        mongoServer.shutdownNow();
        try (Stream<Path> files = Files.walk(kafkaData)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("event-stream-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
