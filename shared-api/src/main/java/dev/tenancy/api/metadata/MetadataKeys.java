package dev.tenancy.api.metadata;

/**
 * Keys every command and event carries in its Axon metadata. They are attached in one place (the dispatch interceptor
 * fed by the request context) and copied onto events by a correlation data provider, so no handler can forget them.
 */
public final class MetadataKeys {

    public static final String TENANT_ID = "tenantId";
    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_KIND = "actorKind";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String REQUEST_ID = "requestId";
    public static final String CLIENT_IP = "clientIp";
    /** Set only when a superadmin acts, directly or while impersonating a tenant user. */
    public static final String ACTING_SUPERADMIN = "actingSuperadmin";

    /** The keys copied from a command onto the events it causes; causationId is derived, not copied. */
    public static final java.util.List<String> PROPAGATED = java.util.List.of(
            TENANT_ID, ACTOR_ID, ACTOR_KIND, ACTOR_ROLE, CORRELATION_ID, REQUEST_ID, CLIENT_IP, ACTING_SUPERADMIN);

    private MetadataKeys() {
    }
}
