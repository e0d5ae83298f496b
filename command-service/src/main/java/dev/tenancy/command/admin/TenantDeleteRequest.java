package dev.tenancy.command.admin;

public record TenantDeleteRequest(String reason) {
}
