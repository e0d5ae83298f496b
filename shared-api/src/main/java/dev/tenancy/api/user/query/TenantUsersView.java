package dev.tenancy.api.user.query;

import java.util.List;

/**
 * A tenant's members (oldest first) and the invitations that were neither accepted nor expired by an event (oldest
 * first). {@code version} is the last aggregate version the users read model applied.
 */
public record TenantUsersView(String tenantId, List<UserView> users, List<InvitationView> invitations, long version) {
}
