package dev.tenancy.command.identity;

public record TwoFactorCodeRequest(String code) {
}
