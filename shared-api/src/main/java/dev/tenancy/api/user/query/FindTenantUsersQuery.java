package dev.tenancy.api.user.query;

/**
 * A tenant's members and open invitations. {@code minVersion} asks for the users read model to have reached at least
 * that aggregate version (read your own writes); 0 accepts any tenant it knows.
 */
public record FindTenantUsersQuery(String tenantId, long minVersion) {
}
