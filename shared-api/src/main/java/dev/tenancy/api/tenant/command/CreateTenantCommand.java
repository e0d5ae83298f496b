package dev.tenancy.api.tenant.command;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Signs a new organisation up. The owner's password never travels in a message: it is stored hashed beforehand. A
 * tenant the platform creates for itself (single-tenant mode) has no owner: {@code ownerUserId} is null.
 */
public record CreateTenantCommand(
        @TargetAggregateIdentifier String tenantId,
        String name,
        String slug,
        Plan plan,
        String ownerUserId,
        String ownerEmail) implements TenantMessage {
}
