package dev.tenancy.command.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Bound from {@code tenancy.login.*}. From the {@code slowdownAfter}-th consecutive failed check on, the next check
 * waits {@code backoff}, doubling with each further failure up to {@code maxBackoff}; the {@code lockAfter}-th
 * failure, and each one after it, locks the account for {@code lockDuration}. Failures are forgotten
 * {@code forgetAfter} past the last wait, or at once when a check succeeds.
 */
@ConfigurationProperties("tenancy.login")
public record LoginThrottleProperties(Integer slowdownAfter, Integer lockAfter, Duration backoff, Duration maxBackoff,
                                      Duration lockDuration, Duration forgetAfter) {

    public LoginThrottleProperties {
        slowdownAfter = slowdownAfter == null ? 5 : slowdownAfter;
        lockAfter = lockAfter == null ? 10 : lockAfter;
        backoff = backoff == null ? Duration.ofSeconds(2) : backoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        lockDuration = lockDuration == null ? Duration.ofMinutes(15) : lockDuration;
        forgetAfter = forgetAfter == null ? Duration.ofHours(24) : forgetAfter;
        if (slowdownAfter < 1 || lockAfter < slowdownAfter) {
            throw new IllegalArgumentException("tenancy.login: need 1 <= slowdown-after <= lock-after");
        }
    }

    /** How long the next check must wait once {@code failures} consecutive checks failed. */
    Duration waitAfter(int failures) {
        if (failures >= lockAfter) {
            return lockDuration;
        }
        if (failures < slowdownAfter) {
            return Duration.ZERO;
        }
        Duration wait = backoff.multipliedBy(1L << Math.min(failures - slowdownAfter, 30));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
