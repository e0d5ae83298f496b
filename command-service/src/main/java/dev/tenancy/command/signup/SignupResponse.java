package dev.tenancy.command.signup;

/** {@code version} is the tenant's version after signup: send it as {@code X-Min-Version} to read your write. */
public record SignupResponse(String tenantId, String slug, String userId, String accessToken, String tokenType,
                             long expiresIn, long version) {
}
