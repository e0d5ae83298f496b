package dev.tenancy.api.tenant.event;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.tenant.TenantMessage;

import java.util.Map;

public record FeaturesOverriddenEvent(
        String tenantId,
        Map<Feature, Boolean> previous,
        Map<Feature, Boolean> overrides) implements TenantMessage {
}
