package dev.tenancy.command.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.plan.Resource;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.command.ActivateTenantCommand;
import dev.tenancy.api.tenant.command.ChangePlanCommand;
import dev.tenancy.api.tenant.command.OverrideFeaturesCommand;
import dev.tenancy.api.tenant.command.OverrideLimitsCommand;
import dev.tenancy.api.tenant.command.SuspendTenantCommand;
import dev.tenancy.platform.web.FieldErrors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a validated {@link TenantPatchRequest} into its commands, in a fixed order: plan, limits, features, status.
 * Everything is checked before the first command is sent, so a bad field changes nothing.
 */
final class TenantPatch {

    static final int MAX_REASON = 500;

    private TenantPatch() {
    }

    static List<Object> commands(String tenantId, TenantPatchRequest request) {
        FieldErrors errors = new FieldErrors();
        List<Object> commands = new ArrayList<>();
        if (request.plan() == null && request.limits() == null && request.features() == null
                && request.status() == null) {
            for (String field : List.of("plan", "limits", "features", "status")) {
                errors.add(field, "send at least one of plan, limits, features or status");
            }
        }
        if (request.plan() != null) {
            Plan.parse(request.plan()).ifPresentOrElse(plan -> commands.add(new ChangePlanCommand(tenantId, plan)),
                    () -> errors.add("plan", "plan must be one of " + Arrays.toString(Plan.values())));
        }
        if (request.limits() != null) {
            commands.add(new OverrideLimitsCommand(tenantId, limits(request.limits(), errors)));
        }
        if (request.features() != null) {
            commands.add(new OverrideFeaturesCommand(tenantId, features(request.features(), errors)));
        }
        status(tenantId, request, errors, commands);
        errors.throwIfAny();
        return commands;
    }

    private static void status(String tenantId, TenantPatchRequest request, FieldErrors errors, List<Object> commands) {
        String reason = request.reason() == null ? null : request.reason().trim();
        if (request.status() == null) {
            if (reason != null) {
                errors.add("reason", "reason goes with a status change only");
            }
            return;
        }
        errors.require("reason", reason).maxLength("reason", reason, MAX_REASON);
        String status = request.status().trim().toUpperCase(Locale.ROOT);
        if (status.equals(TenantStatus.SUSPENDED.name())) {
            commands.add(new SuspendTenantCommand(tenantId, reason));
        } else if (status.equals(TenantStatus.ACTIVE.name())) {
            commands.add(new ActivateTenantCommand(tenantId, reason));
        } else if (status.equals(TenantStatus.DELETED.name())) {
            errors.add("status", "a tenant is deleted with DELETE /api/v1/tenants/{id}, not by its status");
        } else {
            errors.add("status", "status must be SUSPENDED or ACTIVE");
        }
    }

    /** The complete new overrides: a resource left out follows the plan again. */
    static LimitOverrides limits(JsonNode node, FieldErrors errors) {
        if (node.isNull()) {
            return LimitOverrides.none();
        }
        if (!node.isObject()) {
            errors.add("limits", "limits must be an object of resource overrides");
            return LimitOverrides.none();
        }
        Map<Resource, Quota> quotas = new EnumMap<>(Resource.class);
        Boolean customIntegrations = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = "limits." + field.getKey();
            Resource resource = Resource.fromKey(field.getKey()).orElse(null);
            if (resource == null) {
                errors.add(path, "unknown resource; one of " + Arrays.stream(Resource.values()).map(Resource::key)
                        .toList());
            } else if (resource == Resource.CUSTOM_INTEGRATIONS) {
                if (!field.getValue().isNull() && !field.getValue().isBoolean()) {
                    errors.add(path, path + " must be true, false or null");
                } else {
                    customIntegrations = field.getValue().isNull() ? null : field.getValue().booleanValue();
                }
            } else {
                QuotaReader.read(path, field.getValue(), errors).ifPresent(quota -> quotas.put(resource, quota));
            }
        }
        return new LimitOverrides(quotas.get(Resource.USERS), quotas.get(Resource.CAMPAIGNS),
                quotas.get(Resource.MESSAGES_PER_MONTH), quotas.get(Resource.TELEGRAM_ACCOUNTS),
                quotas.get(Resource.STORAGE), quotas.get(Resource.API_CALLS_PER_HOUR), quotas.get(Resource.WEBHOOKS),
                customIntegrations);
    }

    /** The complete new feature overrides: true grants, false withholds, null (or left out) follows the plan. */
    static Map<Feature, Boolean> features(JsonNode node, FieldErrors errors) {
        Map<Feature, Boolean> overrides = new EnumMap<>(Feature.class);
        if (node.isNull()) {
            return overrides;
        }
        if (!node.isObject()) {
            errors.add("features", "features must be an object of feature names to true or false");
            return overrides;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = "features." + field.getKey();
            Feature feature = Arrays.stream(Feature.values())
                    .filter(f -> f.name().equalsIgnoreCase(field.getKey())).findFirst().orElse(null);
            if (feature == null) {
                errors.add(path, "unknown feature; one of " + Arrays.toString(Feature.values()));
            } else if (field.getValue().isBoolean()) {
                overrides.put(feature, field.getValue().booleanValue());
            } else if (!field.getValue().isNull()) {
                errors.add(path, path + " must be true, false or null");
            }
        }
        return overrides;
    }
}
