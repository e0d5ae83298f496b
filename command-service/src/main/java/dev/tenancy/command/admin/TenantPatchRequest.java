package dev.tenancy.command.admin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A superadmin's change to a tenant; every part is optional. {@code limits} and {@code features} replace the
 * tenant's overrides as a whole ({@code null} or {@code {}} clears them), so they are read as trees.
 */
public record TenantPatchRequest(String plan, JsonNode limits, JsonNode features, String status, String reason) {
}
