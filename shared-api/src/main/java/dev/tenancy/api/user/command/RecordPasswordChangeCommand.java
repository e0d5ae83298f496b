package dev.tenancy.api.user.command;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records on the tenant's history that a user changed their password (the hash lives in the credential store). */
public record RecordPasswordChangeCommand(@TargetAggregateIdentifier String tenantId, String userId)
        implements TenantMessage {
}
