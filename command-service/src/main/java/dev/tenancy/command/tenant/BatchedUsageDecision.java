package dev.tenancy.command.tenant;

import dev.tenancy.api.usage.UsageOutcome;

/**
 * What became of one report of a batch: an outcome (counted, refused by its limit, or a repeated key's first answer)
 * or, when the tenant's rules refuse the report itself, the refusal. Exactly one of the two is set.
 */
public record BatchedUsageDecision(UsageOutcome outcome, TenantRuleViolation refusal) {

    static BatchedUsageDecision decided(UsageOutcome outcome) {
        return new BatchedUsageDecision(outcome, null);
    }

    static BatchedUsageDecision refused(TenantRuleViolation refusal) {
        return new BatchedUsageDecision(null, refusal);
    }
}
