package dev.tenancy.command.apikey;

import dev.tenancy.api.apikey.ApiKeyScopes;
import dev.tenancy.api.apikey.CreateApiKeyCommand;
import dev.tenancy.api.apikey.RevokeApiKeyCommand;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.tenant.ApiKeyReceipt;
import dev.tenancy.command.web.TenantCommands;
import dev.tenancy.platform.apikey.ApiKeyFormat;
import dev.tenancy.platform.apikey.ApiKeyStore;
import dev.tenancy.platform.apikey.NewApiKey;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.RequiresFeature;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Creating and revoking the current tenant's API keys; listing them is a read (query service). People only: a key
 * can neither mint nor revoke keys.
 * <p>
 * The key store and the tenant's events are written in an order that never leaves a usable half: a new key is
 * stored pending, then its creation is decided (the event), then it is activated; a refused creation removes the
 * pending record. A revocation shuts the key in the store first and then records the event, so a failure in between
 * leaves a key that no longer works although the list still shows it active; repeating the DELETE completes it.
 */
@RestController
@RequestMapping("/api/v1/tenants/current/api-keys")
@PeopleOnly
public class ApiKeyController {

    /** A fresh 12-character prefix is as good as never taken; a few tries make a clash harmless. */
    static final int PREFIX_ATTEMPTS = 3;

    private final TenantCommands commands;
    private final ApiKeyStore store;
    private final Clock clock;

    public ApiKeyController(TenantCommands commands, ApiKeyStore store, Clock clock) {
        this.commands = commands;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping
    @RequiresRole({Role.OWNER, Role.ADMIN})
    @RequiresFeature(Feature.API_ACCESS)
    @Operation(summary = "Create an API key", description = "Body {name (1-100 characters, unique among active "
            + "keys), scopes (one or more of read, write, usage:write)}. Answers the key once: only its hash is "
            + "kept. Send it as 'X-API-Key: <key>' or 'Authorization: Bearer <key>'. 403 feature-not-available "
            + "below Starter, 409 api-key-name-taken, 409 api-key-limit-reached (50 active keys).")
    public ResponseEntity<ApiKeyCreatedResponse> create(@RequestBody CreateApiKeyRequest request) {
        String tenantId = CurrentTenant.get().id();
        String name = request.name() == null ? null : request.name().trim();
        SortedSet<String> scopes = validScopes(request.scopes(), new FieldErrors()
                .require("name", name).maxLength("name", name, 100));
        String keyId = UUID.randomUUID().toString();
        NewApiKey key = storePending(keyId, tenantId, scopes);
        ApiKeyReceipt receipt;
        try {
            receipt = commands.send(new CreateApiKeyCommand(tenantId, keyId, name, key.prefix(), scopes),
                    ApiKeyReceipt.class);
        } catch (RuntimeException refused) {
            store.discardPending(keyId);
            throw refused;
        }
        store.activate(keyId);
        return ResponseEntity.created(URI.create("/api/v1/tenants/current/api-keys/" + keyId))
                .header(TenantCommands.VERSION_HEADER, Long.toString(receipt.version()))
                .cacheControl(CacheControl.noStore())
                .body(new ApiKeyCreatedResponse(keyId, key.key(), key.prefix(), name, List.copyOf(scopes),
                        receipt.createdAt()));
    }

    @DeleteMapping("/{keyId}")
    @RequiresRole({Role.OWNER, Role.ADMIN, Role.SUPERADMIN})
    @Operation(summary = "Revoke an API key", description = "The key stops working at once, on every service. "
            + "404 api-key-not-found for a key the tenant does not have or already revoked.")
    public ResponseEntity<Void> revoke(@PathVariable("keyId") String keyId) {
        String tenantId = CurrentTenant.get().id();
        store.revoke(tenantId, keyId);
        long version = commands.send(new RevokeApiKeyCommand(tenantId, keyId));
        return ResponseEntity.noContent().header(TenantCommands.VERSION_HEADER, Long.toString(version)).build();
    }

    private static SortedSet<String> validScopes(List<String> scopes, FieldErrors errors) {
        if (scopes == null || scopes.isEmpty()) {
            errors.add("scopes", "scopes must name at least one of " + String.join(", ", ApiKeyScopes.ALL));
        } else {
            scopes.stream().filter(scope -> !ApiKeyScopes.isKnown(scope)).findFirst().ifPresent(unknown ->
                    errors.add("scopes", "unknown scope '" + unknown + "'; known are "
                            + String.join(", ", ApiKeyScopes.ALL)));
        }
        errors.throwIfAny();
        return ApiKeyScopes.sorted(scopes);
    }

    private NewApiKey storePending(String keyId, String tenantId, SortedSet<String> scopes) {
        for (int attempt = 0; attempt < PREFIX_ATTEMPTS; attempt++) {
            NewApiKey key = ApiKeyFormat.generate();
            if (store.insertPending(keyId, key, tenantId, scopes, clock.instant())) {
                return key;
            }
        }
        throw new IllegalStateException("no free API key prefix after " + PREFIX_ATTEMPTS + " attempts");
    }
}
