package dev.tenancy.command.usage;

import dev.tenancy.api.usage.UsageOutcome;
import dev.tenancy.command.tenant.LimitRefusal;

import java.util.Map;

/**
 * A usage report the tenant's limit refused whole. The ledger answers a refusal as an outcome, not a failure (it is
 * stored and replayed like an acceptance); the REST API turns it into this, which the problem mapping answers 409.
 */
public class LimitExceededException extends RuntimeException {

    private final transient UsageOutcome outcome;

    public LimitExceededException(UsageOutcome outcome) {
        super(LimitRefusal.message(outcome.resource(), outcome.limit(), outcome.used(), outcome.requested()));
        this.outcome = outcome;
    }

    public UsageOutcome outcome() {
        return outcome;
    }

    /** The members of the 409 problem: what was asked, against which limit, and whether this is a replay. */
    public Map<String, Object> members() {
        return LimitRefusal.members(outcome.resource(), outcome.limit(), outcome.used(), outcome.requested(),
                outcome.replayed());
    }
}
