package dev.tenancy.api.usage;

import dev.tenancy.api.tenant.TenantMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Several usage reports of one tenant, decided one after the other in one unit of work: one aggregate load and one
 * append for all of them. Each report is decided exactly as a {@link RecordUsageCommand} would be, and one that the
 * tenant's rules refuse does not stop the others. Its events carry the report's own correlation and request id.
 */
public record RecordUsageBatchCommand(
        @TargetAggregateIdentifier String tenantId,
        List<BatchedUsageReport> reports) implements TenantMessage {

    public RecordUsageBatchCommand {
        reports = List.copyOf(reports);
    }
}
