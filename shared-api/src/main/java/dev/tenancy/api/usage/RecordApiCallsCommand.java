package dev.tenancy.api.usage;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The API calls of one closed hour, counted in memory on the hot path and recorded once per hour. */
public record RecordApiCallsCommand(
        @TargetAggregateIdentifier String tenantId,
        Instant hourStart,
        long count) implements TenantMessage {
}
