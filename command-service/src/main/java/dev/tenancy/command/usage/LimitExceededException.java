package dev.tenancy.command.usage;

import dev.tenancy.api.usage.UsageOutcome;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A usage report the tenant's limit refused whole. The ledger answers a refusal as an outcome, not a failure (it is
 * stored and replayed like an acceptance); the REST API turns it into this, which the problem mapping answers 409.
 */
public class LimitExceededException extends RuntimeException {

    private final transient UsageOutcome outcome;

    public LimitExceededException(UsageOutcome outcome) {
        super(outcome.resource().key() + " is limited to " + outcome.limit().max() + ": " + outcome.used()
                + " in use, " + outcome.requested() + " more requested; nothing was counted.");
        this.outcome = outcome;
    }

    public UsageOutcome outcome() {
        return outcome;
    }

    /** The members of the 409 problem: what was asked, against which limit, and whether this is a replay. */
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("resource", outcome.resource().key());
        members.put("limit", outcome.limit());
        members.put("current", outcome.used());
        members.put("requested", outcome.requested());
        members.put("replayed", outcome.replayed());
        return members;
    }
}
