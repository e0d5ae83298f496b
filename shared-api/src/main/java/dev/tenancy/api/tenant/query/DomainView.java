package dev.tenancy.api.tenant.query;

import java.time.Instant;

/**
 * A custom domain of a tenant. {@code status} is {@code PENDING} until verified, then {@code VERIFIED}; only verified
 * domains resolve to the tenant. {@code method}: how it was verified ({@code dns-txt}, {@code superadmin-override}).
 */
public record DomainView(
        String domain,
        String status,
        String verificationToken,
        Instant registeredAt,
        Instant verifiedAt,
        String method) {

    public static final String PENDING = "PENDING";
    public static final String VERIFIED = "VERIFIED";
}
