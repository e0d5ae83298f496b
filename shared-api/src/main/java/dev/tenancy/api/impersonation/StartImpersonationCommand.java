package dev.tenancy.api.impersonation;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/**
 * Superadmin: act as the tenant's owner for {@code ttl}, for support. The tenant decides (its compliance settings may
 * forbid it) and records who, whom, why and until when; the access token itself is issued outside the aggregate.
 */
public record StartImpersonationCommand(
        @TargetAggregateIdentifier String tenantId,
        String superadminId,
        String reason,
        Duration ttl) implements TenantMessage {

    /** The reason is shown to the tenant: long enough to say something, short enough to read. */
    public static final int MIN_REASON = 3;
    public static final int MAX_REASON = 500;
}
