package dev.tenancy.api.usage.query;

/** A resource that is a switch rather than a count (customIntegrations): whether the tenant's limits enable it. */
public record SwitchUsageView(String resource, boolean enabled) implements ResourceUsage {
}
