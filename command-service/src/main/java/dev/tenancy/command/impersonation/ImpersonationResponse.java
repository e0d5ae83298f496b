package dev.tenancy.command.impersonation;

/** A short-lived access token acting as the tenant's owner; {@code expiresIn} in seconds. */
public record ImpersonationResponse(String accessToken, String tokenType, long expiresIn, String tenantId,
                                    String userId, String actingSuperadmin) {
}
