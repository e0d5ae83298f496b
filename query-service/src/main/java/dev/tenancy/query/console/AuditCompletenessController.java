package dev.tenancy.query.console;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The superadmin's check that the audit log misses no stored event and holds none that is not stored. */
@RestController
@RequiresRole(Role.SUPERADMIN)
public class AuditCompletenessController {

    private final AuditCompleteness completeness;

    public AuditCompletenessController(AuditCompleteness completeness) {
        this.completeness = completeness;
    }

    @GetMapping("/api/v1/admin/audit/completeness")
    @Operation(summary = "Compare the audit log with the event store (superadmin)", description = "Per tenant "
            + "(?tenant= id or slug, X-Tenant-Id, or tenantId for deleted tenants too) or, naming none, the whole "
            + "store: counts and the ids missing from the audit log, not projected yet (pending) or extra. Reads "
            + "every id of the tenant's events: an operator's tool.")
    public CompletenessReport check(@Parameter(description = EventConsoleController.TENANT_ID)
                                    @RequestParam(required = false) String tenantId) {
        FieldErrors errors = new FieldErrors();
        String tenant = ConsoleParameters.tenant(tenantId, errors);
        errors.throwIfAny();
        return completeness.check(tenant);
    }
}
