package dev.tenancy.api.tenant;

/**
 * Every command and event of the system names its tenant. The dispatch interceptor checks this against the caller's
 * tenant and copies it into the metadata, so the metadata's tenantId can never disagree with the payload.
 */
public interface TenantMessage {

    String tenantId();
}
