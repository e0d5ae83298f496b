package dev.tenancy.command.usage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.apikey.ApiKeyScopes;
import dev.tenancy.api.usage.UsageOutcome;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.web.StrictJson;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.apikey.AcceptsKeyScope;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.TreeMap;

/**
 * Usage reports from the product's own services and from tenants' integrations. Open while the tenant is suspended
 * because releases must still be counted; the ledger refuses growth then (403 tenant-suspended).
 */
@RestController
@RequestMapping("/api/v1/tenants/current")
@RequiresRole({Role.OWNER, Role.ADMIN, Role.MEMBER, Role.SUPERADMIN})
@AllowedWhenSuspended
public class UsageController {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final CommandGateway commands;
    private final UsageReportParser parser;
    private final UsageVersions versions;

    public UsageController(CommandGateway commands, Clock clock, UsageVersions versions) {
        this.commands = commands;
        this.parser = new UsageReportParser(clock);
        this.versions = versions;
    }

    @PostMapping("/usage")
    @AcceptsKeyScope(ApiKeyScopes.USAGE_WRITE)
    @Operation(summary = "Report usage of a limited resource", description = "Body {resource, delta, idempotencyKey,"
            + " occurredAt?}: delta > 0 consumes, < 0 releases (never below zero: 'applied' says what was released). "
            + "The key (or the Idempotency-Key header) makes a retry answer the first decision again for 24 hours, "
            + "with replayed=true. 409 limit-exceeded when the report would pass the limit: nothing is counted. "
            + "403 tenant-suspended for consumption while suspended.")
    public ResponseEntity<UsageResponse> record(@RequestBody JsonNode body,
            @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) String headerKey) {
        StrictJson.requireObject(body);
        String tenantId = CurrentTenant.get().id();
        ParsedReport parsed = parser.parseRequest(body, tenantId, headerKey);
        StrictJson.refuseUnknown(parsed.unknownFields());
        FieldErrors errors = new FieldErrors();
        new TreeMap<>(parsed.errors()).forEach(errors::add);
        errors.throwIfAny();
        UsageReport report = parsed.report();
        UsageOutcome outcome = commands.sendAndWait(report.toCommand());
        Long version = versions.take(tenantId, report.idempotencyKey()).orElse(null);
        if (!outcome.accepted()) {
            throw new LimitExceededException(outcome);
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (version != null) {
            answer.header(TenantCommands.VERSION_HEADER, Long.toString(version));
        }
        return answer.body(UsageResponse.of(outcome, version));
    }
}
