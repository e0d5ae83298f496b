package dev.tenancy.command.tenant;

import dev.tenancy.api.apikey.ApiKeyCreatedEvent;
import dev.tenancy.api.apikey.ApiKeyRevokedEvent;
import dev.tenancy.api.apikey.ApiKeyScopes;
import dev.tenancy.api.apikey.CreateApiKeyCommand;
import dev.tenancy.api.apikey.RevokeApiKeyCommand;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.event.FeaturesOverriddenEvent;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The tenant's API keys as far as the aggregate decides them: whether the plan allows keys at all
 * ({@link Feature#API_ACCESS}, after a superadmin's overrides), at most {@value #MAX_ACTIVE_KEYS} active keys, names
 * unique among active keys (ignoring case, so two keys cannot look alike in a list), and revoking only active keys.
 * Secrets and hashes never reach the aggregate: they live in the platform's key store.
 */
class ApiKeyRing {

    static final int MAX_ACTIVE_KEYS = 50;
    static final int MAX_NAME_LENGTH = 100;

    private Plan plan;
    private Map<Feature, Boolean> featureOverrides = new EnumMap<>(Feature.class);
    /** Active keys: id to name. */
    private Map<String, String> active = new HashMap<>();
    /** Every key id ever created, so a revoked key's id is never reused. */
    private Set<String> created = new HashSet<>();

    @CommandHandler
    ApiKeyReceipt handle(CreateApiKeyCommand command, Clock clock) {
        check(command);
        if (!PlanCatalog.effectiveFeatures(plan, featureOverrides).contains(Feature.API_ACCESS)) {
            throw TenantRuleViolation.featureMissing(Feature.API_ACCESS, plan);
        }
        if (created.contains(command.keyId())) {
            throw TenantRuleViolation.invalid(Map.of("keyId", "keyId is already used by another API key"));
        }
        if (active.size() >= MAX_ACTIVE_KEYS) {
            throw new TenantRuleViolation(TenantRuleViolation.Kind.CONFLICT, "api-key-limit-reached",
                    "The tenant already has " + MAX_ACTIVE_KEYS + " active API keys; revoke one first.",
                    Map.of("limit", MAX_ACTIVE_KEYS));
        }
        String name = command.name().trim();
        if (active.values().stream().anyMatch(existing -> existing.equalsIgnoreCase(name))) {
            throw new TenantRuleViolation(TenantRuleViolation.Kind.CONFLICT, "api-key-name-taken",
                    "Another active API key is already named '" + name + "'.", Map.of("errors",
                    List.of(Map.of("field", "name", "message", "name is taken by another active key"))));
        }
        Instant now = clock.instant();
        apply(new ApiKeyCreatedEvent(command.tenantId(), command.keyId(), name, command.prefix(), command.scopes(),
                now));
        return new ApiKeyReceipt(command.keyId(), now, AggregateLifecycle.getVersion());
    }

    @CommandHandler
    void handle(RevokeApiKeyCommand command) {
        if (command.keyId() == null || !active.containsKey(command.keyId())) {
            throw new TenantRuleViolation(TenantRuleViolation.Kind.NOT_FOUND, "api-key-not-found",
                    "The tenant has no active API key " + command.keyId() + ".", Map.of());
        }
        apply(new ApiKeyRevokedEvent(command.tenantId(), command.keyId()));
    }

    /** The API validates far more; this keeps events that cannot be read back out, whoever sends the command. */
    private static void check(CreateApiKeyCommand command) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (command.keyId() == null || command.keyId().isBlank()) {
            errors.put("keyId", "keyId is required");
        }
        String name = command.name() == null ? "" : command.name().trim();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            errors.put("name", "name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (command.prefix() == null || command.prefix().isBlank()) {
            errors.put("prefix", "prefix is required");
        }
        if (command.scopes().isEmpty() || !command.scopes().stream().allMatch(ApiKeyScopes::isKnown)) {
            errors.put("scopes", "scopes must be one or more of " + String.join(", ", ApiKeyScopes.ALL));
        }
        if (!errors.isEmpty()) {
            throw TenantRuleViolation.invalid(errors);
        }
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(PlanChangedEvent event) {
        plan = event.plan();
    }

    @EventSourcingHandler
    void on(FeaturesOverriddenEvent event) {
        featureOverrides = new EnumMap<>(Feature.class);
        featureOverrides.putAll(event.overrides());
    }

    @EventSourcingHandler
    void on(ApiKeyCreatedEvent event) {
        active.put(event.keyId(), event.name());
        created.add(event.keyId());
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        active.remove(event.keyId());
    }
}
