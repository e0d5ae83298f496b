package dev.tenancy.local;

import dev.tenancy.command.CommandServiceApplication;
import dev.tenancy.embedded.EmbeddedKafka;
import dev.tenancy.embedded.EmbeddedMongo;
import dev.tenancy.gateway.GatewayApplication;
import dev.tenancy.query.QueryServiceApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The whole system in one process, with no Docker and no external service: an in-process MongoDB-wire server and
 * Kafka broker (both persisting under the data dir), the command and query services, and the gateway on one base
 * URL. Each service keeps its own Spring context, configuration and port, exactly as it runs on its own.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private List<String> sharedArgs = List.of();
    private String mongoUri;
    private String kafkaServers;
    private int gatewayPort;
    private int commandPort;
    private int queryPort;
    private LocalSecrets.Superadmin superadmin;
    private final LocalSecrets secrets;

    private LocalStack(StackSettings settings) {
        this.secrets = new LocalSecrets(settings.dataDir());
    }

    public static void main(String[] args) {
        LocalStack stack = start(StackSettings.fromEnvironment(System.getenv()));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        stack.announce();
    }

    static LocalStack start(StackSettings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll(settings);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(StackSettings settings) {
        mongoUri = settings.mongoUri();
        if (mongoUri == null) {
            EmbeddedMongo mongo = EmbeddedMongo.start(settings.dataDir(), settings.mongoPort());
            running.push(mongo);
            mongoUri = mongo.connectionString();
        }
        kafkaServers = settings.kafkaBootstrapServers();
        if (kafkaServers == null) {
            EmbeddedKafka kafka = EmbeddedKafka.start(settings.dataDir(), settings.kafkaPort());
            running.push(kafka);
            kafkaServers = kafka.bootstrapServers();
        }
        String jwtSecret = settings.jwtSecret() != null ? settings.jwtSecret() : secrets.jwtSecret();
        superadmin = settings.superadminEmail() != null && settings.superadminPassword() != null
                ? new LocalSecrets.Superadmin(settings.superadminEmail(), settings.superadminPassword(), false)
                : secrets.superadmin(settings.superadminEmail() != null ? settings.superadminEmail()
                        : "superadmin@tenancy.local");

        sharedArgs = List.of("--spring.data.mongodb.uri=" + mongoUri,
                "--spring.kafka.bootstrap-servers=" + kafkaServers,
                "--tenancy.jwt.secret=" + jwtSecret);
        ConfigurableApplicationContext command = startCommandService(settings.commandPort());
        ConfigurableApplicationContext query = startService(QueryServiceApplication.builder(), settings.queryPort(),
                sharedArgs);
        services.addAll(List.of(command, query));
        commandPort = port(command);
        queryPort = port(query);
        gatewayPort = port(startService(GatewayApplication.builder(java.util.Map.of()), settings.gatewayPort(),
                List.of(), "--gateway.command-url=http://localhost:" + commandPort,
                "--gateway.query-url=http://localhost:" + queryPort));
    }

    /**
     * Starts a command service on the stack's stores; tests start a second one to prove that several instances
     * on one event store decide correctly. It is stopped with the stack.
     */
    @SafeVarargs
    final synchronized ConfigurableApplicationContext startCommandService(int port,
            ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        return startService(CommandServiceApplication.builder().initializers(initializers), port, sharedArgs,
                "--tenancy.superadmin.email=" + superadmin.email(),
                "--tenancy.superadmin.password=" + superadmin.password());
    }

    private ConfigurableApplicationContext startService(SpringApplicationBuilder builder, int port,
                                                        List<String> shared, String... own) {
        List<String> args = new ArrayList<>(shared);
        args.add("--server.port=" + port);
        args.addAll(List.of(own));
        // The stack closes services in order itself; per-context hooks would race it on Ctrl-C.
        ConfigurableApplicationContext context = builder.registerShutdownHook(false).run(args.toArray(String[]::new));
        running.push(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private void announce() {
        String base = baseUrl();
        log.info("""

                Tenancy Platform is running
                  API and console  {}/api/v1   (OpenAPI {}/v3/api-docs, Swagger UI {}/swagger-ui.html)
                  health           {}/actuator/health
                  command-service  http://localhost:{}   query-service  http://localhost:{}
                  MongoDB          {}   Kafka  {}
                  superadmin       {}  {}
                Press Ctrl-C to stop; data stays in the data dir.""",
                base, base, base, base, commandPort, queryPort, mongoUri, kafkaServers, superadmin.email(),
                superadmin.createdNow() ? "password: " + superadmin.password()
                        + " (generated now; also kept in " + secrets.superadminFile() + ")"
                        : "(password from SUPERADMIN_PASSWORD or " + secrets.superadminFile() + ")");
    }

    String baseUrl() {
        return "http://localhost:" + gatewayPort;
    }

    String commandUrl() {
        return "http://localhost:" + commandPort;
    }

    String queryUrl() {
        return "http://localhost:" + queryPort;
    }

    String mongoUri() {
        return mongoUri;
    }

    String kafkaServers() {
        return kafkaServers;
    }

    /** The command and query services' application contexts, for tests that inspect what the services expose. */
    List<ConfigurableApplicationContext> serviceContexts() {
        return List.copyOf(services);
    }

    java.nio.file.Path secretsDir() {
        return secrets.superadminFile().getParent();
    }

    LocalSecrets.Superadmin superadmin() {
        return superadmin;
    }

    /** Stops the gateway first and the infrastructure last, so in-flight requests finish against live stores. */
    @Override
    public synchronized void close() {
        while (!running.isEmpty()) {
            AutoCloseable next = running.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Failed to stop {}", next, e);
            }
        }
    }
}
