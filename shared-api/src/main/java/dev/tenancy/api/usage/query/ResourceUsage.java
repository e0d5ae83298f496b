package dev.tenancy.api.usage.query;

/** One resource's entry in a tenant's usage; {@code resource} is the resource's API key. */
public sealed interface ResourceUsage permits QuotaUsageView, SwitchUsageView {

    String resource();
}
