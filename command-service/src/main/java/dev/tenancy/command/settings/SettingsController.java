package dev.tenancy.command.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.tenant.command.UpdateBrandingCommand;
import dev.tenancy.api.tenant.command.UpdateSettingsCommand;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.tenant.ChangeReceipt;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.RequiresFeature;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** A tenant's admins change its settings and branding; a superadmin may too, naming the tenant. */
@RestController
@RequestMapping("/api/v1/tenants/current")
@RequiresRole({Role.OWNER, Role.ADMIN, Role.SUPERADMIN})
public class SettingsController {

    private final TenantCommands commands;
    private final SettingsPolicy settings;
    private final SettingsSecrets secrets;

    public SettingsController(TenantCommands commands, SettingsSecrets secrets, Clock clock) {
        this.commands = commands;
        this.settings = new SettingsPolicy(clock);
        this.secrets = secrets;
    }

    @PatchMapping("/settings")
    @Operation(summary = "Change the tenant's settings", description = "Partial update of timezone, language, "
            + "currency, security {twoFactorRequired, sessionTimeoutMinutes, ipAllowList, sso {enabled, issuer, "
            + "clientId, clientSecret}} and compliance {dataRegion, dpaAcceptedAt, dpaAcceptedBy, retentionDays "
            + "{messages, contacts, analytics, auditLogs}, auditLogging, allowImpersonation}. Answers the dotted "
            + "paths that changed. The SSO client secret is stored encrypted. 400 names every invalid field; 400 "
            + "ip-allow-list-excludes-caller when a non-empty ipAllowList leaves out the caller's own address.")
    public ResponseEntity<SettingsResponse> settings(@RequestBody JsonNode body) {
        String tenantId = CurrentTenant.get().id();
        Map<String, Object> values = new LinkedHashMap<>(settings.validate(body));
        AllowListSelfLockout.check(values);
        values.computeIfPresent(SettingsPolicy.CLIENT_SECRET,
                (field, secret) -> secrets.seal(tenantId, field, (String) secret));
        return answer(tenantId, commands.send(new UpdateSettingsCommand(tenantId, values), ChangeReceipt.class));
    }

    @PatchMapping("/branding")
    @RequiresFeature(Feature.WHITE_LABEL)
    @Operation(summary = "Change the tenant's branding", description = "Partial update of logoUrl (https), "
            + "primaryColor, secondaryColor (#RGB or #RRGGBB) and customCss (sanitized: no markup, @import, "
            + "@charset, expression(), javascript:, behavior:, -moz-binding, backslash escapes, or url() to other "
            + "origins); null clears a field. Needs WHITE_LABEL (403 feature-not-available).")
    public ResponseEntity<SettingsResponse> branding(@RequestBody JsonNode body) {
        String tenantId = CurrentTenant.get().id();
        Map<String, Object> values = BrandingPolicy.validate(body);
        return answer(tenantId, commands.send(new UpdateBrandingCommand(tenantId, values), ChangeReceipt.class));
    }

    private static ResponseEntity<SettingsResponse> answer(String tenantId, ChangeReceipt receipt) {
        return TenantCommands.ok(receipt.version(),
                new SettingsResponse(tenantId, receipt.version(), receipt.changed()));
    }
}
