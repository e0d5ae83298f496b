package dev.tenancy.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends tenant commands and waits for them. The aggregate answers every command with its version after the command
 * (or with a receipt that carries it), so each route can hand the version out for read-your-writes.
 */
@Component
public class TenantCommands {

    public static final String VERSION_HEADER = "X-Tenant-Version";

    private final CommandGateway commands;

    public TenantCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends a command whose handler answers the aggregate's version. */
    public long send(Object command) {
        Object result = commands.sendAndWait(command);
        return ((Number) result).longValue();
    }

    /** Sends a command whose handler answers a receipt of {@code type}. */
    public <T> T send(Object command, Class<T> type) {
        return type.cast(commands.sendAndWait(command));
    }

    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().header(VERSION_HEADER, Long.toString(version)).body(body);
    }
}
