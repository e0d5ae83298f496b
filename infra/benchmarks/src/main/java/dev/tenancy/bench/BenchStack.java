package dev.tenancy.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.tenancy.embedded.EmbeddedKafka;
import dev.tenancy.embedded.EmbeddedMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The system under test: the embedded MongoDB stand-in (H2 file backend) and Kafka broker in this JVM, and the
 * command and query services as child JVMs. A shutdown hook kills the children if the benchmark dies.
 */
final class BenchStack implements AutoCloseable {

    private static final String LAST_LOGS = "tenancy-bench-last-logs";

    private static final Logger log = LoggerFactory.getLogger(BenchStack.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final String SUPERADMIN_EMAIL = "bench-admin@tenancy.example";

    private final Path directory;
    private final EmbeddedMongo mongo;
    private final EmbeddedKafka kafka;
    private final MongoClient client;
    private final ServiceProcess command;
    private final ServiceProcess query;
    private final UsageApi api;
    private final String superadminPassword = randomText(24) + "-7";
    private final Thread killer;
    private int topicPartitions;

    private BenchStack(Path directory, EmbeddedMongo mongo, EmbeddedKafka kafka, BenchSettings settings) {
        this.directory = directory;
        this.mongo = mongo;
        this.kafka = kafka;
        this.client = MongoClients.create(mongo.connectionString());
        String secret = randomText(48);
        int commandPort = freePort();
        int queryPort = freePort();
        Map<String, String> env = Map.of(
                "MONGODB_URI", mongo.connectionString(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "JWT_SECRET", secret,
                "SUPERADMIN_EMAIL", SUPERADMIN_EMAIL,
                "SUPERADMIN_PASSWORD", superadminPassword,
                "COMMAND_SERVICE_PORT", Integer.toString(commandPort),
                "QUERY_SERVICE_PORT", Integer.toString(queryPort));
        this.command = new ServiceProcess("command-service", RepoLayout.executableJar(settings.repo(), "command-service"),
                settings.serviceHeap(), env, directory.resolve("command-service.log"), commandPort);
        this.query = new ServiceProcess("query-service", RepoLayout.executableJar(settings.repo(), "query-service"),
                settings.serviceHeap(), env, directory.resolve("query-service.log"), queryPort);
        this.api = new UsageApi(commandPort);
        this.killer = new Thread(() -> {
            command.kill();
            query.kill();
        }, "kill-services");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    static BenchStack start(BenchSettings settings) throws Exception {
        Path directory = Files.createTempDirectory("tenancy-bench");
        EmbeddedMongo mongo = EmbeddedMongo.start(directory, 0);
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(directory, 0);
        } catch (RuntimeException e) {
            mongo.close();
            throw e;
        }
        BenchStack stack = new BenchStack(directory, mongo, kafka, settings);
        try {
            stack.command.start();
            stack.query.start();
            stack.awaitHealthy(stack.command);
            stack.awaitHealthy(stack.query);
            stack.topicPartitions = KafkaLoad.awaitTopic(kafka.bootstrapServers());
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    /** Stops the command service and starts it again on the same port: every aggregate cache starts empty. */
    void restartCommandService() throws InterruptedException {
        command.close();
        command.start();
        awaitHealthy(command);
    }

    MongoClient client() {
        return client;
    }

    UsageApi api() {
        return api;
    }

    String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    int topicPartitions() {
        return topicPartitions;
    }

    List<ServiceProcess> services() {
        return List.of(command, query);
    }

    ServiceProcess command() {
        return command;
    }

    ServiceProcess query() {
        return query;
    }

    static String superadminEmail() {
        return SUPERADMIN_EMAIL;
    }

    String superadminPassword() {
        return superadminPassword;
    }

    private void awaitHealthy(ServiceProcess service) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + START_TIMEOUT.toNanos();
        while (!api.healthy(service.port())) {
            if (!service.alive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(service.name() + (service.alive() ? " not healthy in time" : " died")
                        + "; its log ends with:" + System.lineSeparator() + service.logTail(40));
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        log.info("{} healthy after {} ms", service.name(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() {
        command.close();
        query.close();
        client.close();
        kafka.close();
        mongo.close();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            log.debug("JVM already shutting down; the hook runs anyway");
        }
        keepLogs();
        deleteRecursively(directory);
    }

    /**
     * The services' logs outlive the run's directory (the last run's only), so a failure met after minutes of
     * load can still be read.
     */
    private void keepLogs() {
        Path kept = directory.resolveSibling(LAST_LOGS);
        try (Stream<Path> logs = Files.list(directory)) {
            Files.createDirectories(kept);
            for (Path file : logs.filter(path -> path.toString().endsWith(".log")).toList()) {
                Files.copy(file, kept.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            log.info("Services' logs of this run kept in {}", kept);
        } catch (IOException e) {
            log.warn("Could not keep the services' logs: {}", e.getMessage());
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", directory, e.getMessage());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    private static String randomText(int length) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
