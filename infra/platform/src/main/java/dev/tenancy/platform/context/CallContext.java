package dev.tenancy.platform.context;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.metadata.MetadataKeys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Who is calling and in which request: the source of every message's metadata. Built per HTTP request by
 * {@link CallContextFilter}, or by a consumer for messages that do not come from HTTP.
 */
public record CallContext(
        String tenantId,
        String actorId,
        ActorKind actorKind,
        String actorRole,
        String correlationId,
        String requestId,
        String clientIp,
        String actingSuperadmin) {

    /** A context for work the platform does on its own (bootstrap, schedulers). */
    public static CallContext system(String tenantId) {
        String id = UUID.randomUUID().toString();
        return new CallContext(tenantId, "system", ActorKind.SYSTEM, "SYSTEM", id, id, null, null);
    }

    public CallContext withTenant(String newTenantId) {
        return new CallContext(newTenantId, actorId, actorKind, actorRole, correlationId, requestId, clientIp,
                actingSuperadmin);
    }

    public CallContext withActor(String newActorId, ActorKind kind, String role, String superadmin) {
        return new CallContext(tenantId, newActorId, kind, role, correlationId, requestId, clientIp, superadmin);
    }

    public boolean isSuperadmin() {
        return "SUPERADMIN".equals(actorRole) || actingSuperadmin != null;
    }

    /** The metadata entries this context contributes; absent values are left out rather than stored as null. */
    public Map<String, Object> asMetadata() {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, MetadataKeys.TENANT_ID, tenantId);
        put(map, MetadataKeys.ACTOR_ID, actorId);
        put(map, MetadataKeys.ACTOR_KIND, actorKind == null ? null : actorKind.name());
        put(map, MetadataKeys.ACTOR_ROLE, actorRole);
        put(map, MetadataKeys.CORRELATION_ID, correlationId);
        put(map, MetadataKeys.REQUEST_ID, requestId);
        put(map, MetadataKeys.CLIENT_IP, clientIp);
        put(map, MetadataKeys.ACTING_SUPERADMIN, actingSuperadmin);
        return map;
    }

    private static void put(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
