package dev.tenancy.command.admin;

import dev.tenancy.api.tenant.command.DeleteTenantCommand;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.tenant.DeletionReceipt;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Superadmins manage any tenant by id: plan, limit and feature overrides, suspension, deletion. */
@RestController
@RequestMapping("/api/v1/tenants")
@RequiresRole(Role.SUPERADMIN)
public class TenantAdminController {

    private static final Logger log = LoggerFactory.getLogger(TenantAdminController.class);
    private final TenantCommands commands;

    public TenantAdminController(TenantCommands commands) {
        this.commands = commands;
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a tenant (superadmin)", description = "Any of plan, limits (replaces the limit "
            + "overrides), features (replaces the feature overrides), status SUSPENDED or ACTIVE with a reason. "
            + "Applied as one command per part, in that order; a downgrade below current usage is accepted. "
            + "400 names each invalid field; 404 tenant-not-found; 409 invalid-status-transition.")
    public ResponseEntity<TenantVersionResponse> patch(@PathVariable("id") String id,
                                                       @RequestBody TenantPatchRequest request) {
        List<Object> parts = TenantPatch.commands(id, request);
        long version = 0;
        for (Object command : parts) {
            version = commands.send(command);
        }
        log.info("Superadmin changed tenant {}: {}", id, parts.stream().map(c -> c.getClass().getSimpleName())
                .toList());
        return TenantCommands.ok(version, new TenantVersionResponse(id, version));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a tenant (superadmin)", description = "Needs a reason. The history stays; the "
            + "slug and custom domains stay reserved for 90 days (reservedUntil). 404 for an unknown or deleted "
            + "tenant.")
    public ResponseEntity<TenantDeletedResponse> delete(@PathVariable("id") String id,
                                                        @RequestBody(required = false) TenantDeleteRequest request) {
        String reason = request == null || request.reason() == null ? null : request.reason().trim();
        new FieldErrors().require("reason", reason).maxLength("reason", reason, TenantPatch.MAX_REASON)
                .throwIfAny();
        DeletionReceipt receipt = commands.send(new DeleteTenantCommand(id, reason), DeletionReceipt.class);
        log.info("Superadmin deleted tenant {}; its names are reserved until {}", id, receipt.reservedUntil());
        return TenantCommands.ok(receipt.version(),
                new TenantDeletedResponse(id, receipt.deletedAt(), receipt.reservedUntil()));
    }
}
