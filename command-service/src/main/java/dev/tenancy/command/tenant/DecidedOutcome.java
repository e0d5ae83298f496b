package dev.tenancy.command.tenant;

import dev.tenancy.api.usage.UsageOutcome;

import java.time.Instant;

/** An outcome to keep in the {@link UsageOutcomeStore} under its idempotency key, once its events are stored. */
public record DecidedOutcome(String key, UsageOutcome outcome, Instant decidedAt) {
}
