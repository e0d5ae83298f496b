package dev.tenancy.command.member;

public record RoleChangeRequest(String role) {
}
