package dev.tenancy.command.identity;

public record RefreshRequest(String refreshToken) {
}
