package dev.tenancy.command.impersonation;

/** Why a superadmin acts as the tenant's owner: recorded for the tenant to read. */
public record ImpersonationRequest(String reason) {
}
