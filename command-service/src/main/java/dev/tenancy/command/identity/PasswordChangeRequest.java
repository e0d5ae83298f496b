package dev.tenancy.command.identity;

public record PasswordChangeRequest(String currentPassword, String newPassword) {
}
