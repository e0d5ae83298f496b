package dev.tenancy.command.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired refresh tokens and forgotten failed sign-ins once an hour. Real MongoDB's TTL indexes do this too;
 * the embedded stand-in has none. Deleting by time is harmless when several instances run it, so there is no lease.
 */
@Component
public class SessionCleanup {

    private static final Logger log = LoggerFactory.getLogger(SessionCleanup.class);
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;

    public SessionCleanup(RefreshTokens refreshTokens, LoginThrottle throttle) {
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
    }

    @Scheduled(fixedDelayString = "${tenancy.sessions.cleanup-interval:1h}",
            initialDelayString = "${tenancy.sessions.cleanup-interval:1h}")
    public void scheduled() {
        try {
            refreshTokens.deleteExpired();
            throttle.deleteForgotten();
        } catch (RuntimeException e) {
            log.warn("Deleting expired sessions and sign-in failures failed; trying again at the next interval", e);
        }
    }
}
