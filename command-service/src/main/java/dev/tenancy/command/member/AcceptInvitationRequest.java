package dev.tenancy.command.member;

/** The token from the invitation, and the password the new member signs in with from now on. */
public record AcceptInvitationRequest(String token, String password) {
}
