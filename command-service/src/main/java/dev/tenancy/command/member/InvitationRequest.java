package dev.tenancy.command.member;

/** {@code role} is OWNER, ADMIN or MEMBER; only an owner may invite an owner. */
public record InvitationRequest(String email, String role) {
}
