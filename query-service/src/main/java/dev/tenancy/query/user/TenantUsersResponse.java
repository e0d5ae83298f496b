package dev.tenancy.query.user;

import dev.tenancy.api.user.query.InvitationView;
import dev.tenancy.api.user.query.UserView;

import java.util.List;

public record TenantUsersResponse(List<UserView> users, List<InvitationView> invitations) {
}
