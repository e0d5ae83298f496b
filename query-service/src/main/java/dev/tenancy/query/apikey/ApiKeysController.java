package dev.tenancy.query.apikey;

import dev.tenancy.api.apikey.query.ApiKeyListView;
import dev.tenancy.api.apikey.query.FindApiKeysQuery;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.ApiKeyStore;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.query.tenant.ReadYourWrites;
import dev.tenancy.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

import static dev.tenancy.query.tenant.TenantReads.MIN_VERSION_HEADER;

/**
 * The current tenant's API keys, active and revoked, from the read model, with each key's last use from the shared
 * key store (written by whichever service the key called, at most once a minute per key and instance).
 */
@RestController
@RequestMapping("/api/v1/tenants/current/api-keys")
@PeopleOnly
public class ApiKeysController {

    private final ReadYourWrites reads;
    private final ApiKeyStore keys;

    public ApiKeysController(ReadYourWrites reads, ApiKeyStore keys) {
        this.reads = reads;
        this.keys = keys;
    }

    @GetMapping
    @RequiresRole({Role.OWNER, Role.ADMIN, Role.SUPERADMIN})
    @Operation(summary = "The current tenant's API keys", description = "Newest first: id, prefix (the key's "
            + "public start, tpk_<prefix>_...), name, scopes, createdAt, lastUsedAt (null if never used; updated at "
            + "most once a minute), revoked and revokedAt. Never the key: it is shown once, when created.")
    public ApiKeysResponse list(@Parameter(description = "Wait for at least this tenant version (read your own "
            + "writes)") @RequestHeader(value = MIN_VERSION_HEADER, required = false) String minVersion) {
        String tenantId = TenantReads.currentTenantId();
        ApiKeyListView view = await(tenantId, TenantReads.minVersion(minVersion));
        Map<String, Instant> lastUsed = keys.lastUsed(tenantId);
        return new ApiKeysResponse(view.apiKeys().stream().map(key -> new ApiKeyItem(key.id(), key.prefix(),
                key.name(), key.scopes(), key.createdAt(), lastUsed.get(key.id()), key.revoked(), key.revokedAt()))
                .toList());
    }

    private ApiKeyListView await(String tenantId, long minVersion) {
        return reads.await(new FindApiKeysQuery(tenantId, minVersion), ApiKeyListView.class, ApiKeyListView::version,
                minVersion);
    }
}
