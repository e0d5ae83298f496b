package dev.tenancy.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run the stack. A null {@code mongoUri} or {@code kafkaBootstrapServers} means: start the embedded one.
 * Port 0 means any free port (tests).
 */
record StackSettings(Path dataDir, int gatewayPort, int commandPort, int queryPort, int mongoPort, int kafkaPort,
                     String mongoUri, String kafkaBootstrapServers, String jwtSecret, String superadminEmail,
                     String superadminPassword) {

    static StackSettings fromEnvironment(Map<String, String> env) {
        return new StackSettings(
                Path.of(env.getOrDefault("DATA_DIR", "./data")).toAbsolutePath().normalize(),
                port(env, "GATEWAY_PORT", 8080),
                port(env, "COMMAND_SERVICE_PORT", 8081),
                port(env, "QUERY_SERVICE_PORT", 8082),
                port(env, "EMBEDDED_MONGO_PORT", 27017),
                port(env, "EMBEDDED_KAFKA_PORT", 9092),
                blankToNull(env.get("MONGODB_URI")),
                blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS")),
                blankToNull(env.get("JWT_SECRET")),
                blankToNull(env.get("SUPERADMIN_EMAIL")),
                blankToNull(env.get("SUPERADMIN_PASSWORD")));
    }

    /** Everything on free ports under {@code dataDir}, embedded infrastructure, generated secrets. */
    static StackSettings forTests(Path dataDir) {
        return new StackSettings(dataDir, 0, 0, 0, 0, 0, null, null, null, null, null);
    }

    StackSettings withExternal(String newMongoUri, String newKafkaServers) {
        return new StackSettings(dataDir, gatewayPort, commandPort, queryPort, mongoPort, kafkaPort, newMongoUri,
                newKafkaServers, jwtSecret, superadminEmail, superadminPassword);
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
