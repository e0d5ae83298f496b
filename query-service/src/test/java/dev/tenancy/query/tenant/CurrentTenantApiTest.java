package dev.tenancy.query.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.query.QueryServiceTestSupport;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/v1/tenants/current and its features, settings, branding and domains. */
class CurrentTenantApiTest extends QueryServiceTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theOwnerReadsTheirTenantWithOverridesFeaturesAndVersion() throws Exception {
        String tenantId = tenant("served", Plan.STARTER);
        var overrides = new LimitOverrides(Quota.of(25), null, null, null, null, null, null, null);
        append(tenantId, new LimitsOverriddenEvent(tenantId, LimitOverrides.none(), overrides,
                        overrides.applyTo(PlanCatalog.terms(Plan.STARTER).limits())),
                new FeaturesOverriddenEvent(tenantId, Map.of(), Map.of(Feature.AB_TESTING, true)));

        HttpResponse<String> response = get("/api/v1/tenants/current", ownerToken(tenantId), "X-Min-Version", "3");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("id").asText()).isEqualTo(tenantId);
        assertThat(body.get("slug").asText()).isEqualTo("served");
        assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.get("statusReason").isNull()).isTrue();
        assertThat(body.at("/limits/users/max").asLong()).isEqualTo(25);
        assertThat(body.at("/limits/customIntegrations").asBoolean()).isFalse();
        assertThat(body.at("/limitOverrides/users/max").asLong()).isEqualTo(25);
        assertThat(body.at("/limitOverrides/campaigns").isNull()).isTrue();
        assertThat(body.at("/limitOverrides").has("empty")).isFalse();
        assertThat(body.at("/featureOverrides/AB_TESTING").asBoolean()).isTrue();
        assertThat(body.get("features").toString()).contains("\"AB_TESTING\"", "\"AUTOMATION\"");
        assertThat(Instant.parse(body.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(body.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void readsWaitForTheAskedVersionOrSayTheModelIsLagging() throws Exception {
        String tenantId = tenant("waiting", Plan.FREE);
        String token = ownerToken(tenantId);

        assertThat(problem(get("/api/v1/tenants/current", token, "X-Min-Version", "9"), 503))
                .isEqualTo("read-model-lagging");
        HttpResponse<String> bad = get("/api/v1/tenants/current", token, "X-Min-Version", "soon");
        assertThat(problem(bad, 400)).isEqualTo("validation-failed");
        assertThat(body(bad).at("/errors/0/field").asText()).isEqualTo("X-Min-Version");

        long version = publish(tenantId, new SettingsChangedEvent(tenantId,
                List.of(new FieldChange("language", "en", "de"))));
        HttpResponse<String> settings = get("/api/v1/tenants/current/settings", token,
                "X-Min-Version", Long.toString(version));
        assertThat(body(settings).get("language").asText()).isEqualTo("de");
    }

    @Test
    void aTenantNotProjectedYetIsWaitedFor() throws Exception {
        TrackingEventProcessor processor = processing.eventProcessor(TenantProjection.GROUP,
                TrackingEventProcessor.class).orElseThrow();
        String tenantId = UUID.randomUUID().toString();
        processor.shutDown();
        CompletableFuture<HttpResponse<String>> response;
        try {
            publish(tenantId, new TenantCreatedEvent(tenantId, "Fresh", "fresh", Plan.FREE,
                    PlanCatalog.terms(Plan.FREE).limits(), Instant.now()));
            response = http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/v1/tenants/current")).header("Authorization", "Bearer " + ownerToken(tenantId))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } finally {
            processor.start();
        }

        assertThat(response.get().statusCode()).as(response.get().body()).isEqualTo(200);
        assertThat(body(response.get()).get("slug").asText()).isEqualTo("fresh");
    }

    @Test
    void aSuperadminReadsTheTenantTheyNameAndNoneOtherwise() throws Exception {
        String tenantId = tenant("named", Plan.PROFESSIONAL);
        String root = superadminToken();

        assertThat(problem(get("/api/v1/tenants/current", root), 404)).isEqualTo("tenant-not-found");
        assertThat(body(get("/api/v1/tenants/current", root, "X-Tenant-Id", tenantId)).get("id").asText())
                .isEqualTo(tenantId);
        assertThat(body(get("/api/v1/tenants/current?tenant=named", root)).get("id").asText()).isEqualTo(tenantId);
        assertThat(problem(get("/api/v1/tenants/current", root, "X-Tenant-Id", "no-such-tenant"), 404))
                .isEqualTo("tenant-not-found");
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        assertThat(problem(get("/api/v1/tenants/current", null), 401)).isEqualTo("unauthenticated");
        assertThat(problem(get("/api/v1/tenants/current/settings", null), 401)).isEqualTo("unauthenticated");
    }

    @Test
    void aDeletedTenantIsNotFoundAndASuspendedOneOnlyShowsItsStatus() throws Exception {
        String deleted = tenant("deleted", Plan.FREE);
        append(deleted, new TenantDeletedEvent(deleted, "closed", Instant.now(), Instant.now()));
        assertThat(problem(get("/api/v1/tenants/current", ownerToken(deleted)), 404)).isEqualTo("tenant-not-found");
        assertThat(problem(get("/api/v1/tenants/current", superadminToken(), "X-Tenant-Id", deleted), 404))
                .isEqualTo("tenant-not-found");

        String suspended = tenant("suspended", Plan.FREE);
        append(suspended, new TenantSuspendedEvent(suspended, "unpaid"));
        HttpResponse<String> status = get("/api/v1/tenants/current", memberToken(suspended));
        assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
        assertThat(body(status).get("statusReason").asText()).isEqualTo("unpaid");
        assertThat(problem(get("/api/v1/tenants/current/features", memberToken(suspended)), 403))
                .isEqualTo("tenant-suspended");
        assertThat(get("/api/v1/tenants/current/features", superadminToken(), "X-Tenant-Id", suspended).statusCode())
                .isEqualTo(200);
    }

    @Test
    void featuresShowEffectivePlanAndOverrides() throws Exception {
        String tenantId = tenant("features", Plan.FREE);
        append(tenantId, new FeaturesOverriddenEvent(tenantId, Map.of(),
                Map.of(Feature.API_ACCESS, true, Feature.COMMUNITY_SUPPORT, false)));

        JsonNode body = body(get("/api/v1/tenants/current/features", memberToken(tenantId)));
        assertThat(body.get("plan").asText()).isEqualTo("FREE");
        assertThat(body.get("features").toString()).isEqualTo("[\"API_ACCESS\",\"BASIC_ANALYTICS\"]");
        assertThat(body.get("planFeatures").toString()).isEqualTo("[\"BASIC_ANALYTICS\",\"COMMUNITY_SUPPORT\"]");
        assertThat(body.at("/overrides/API_ACCESS").asBoolean()).isTrue();
        assertThat(body.at("/overrides/COMMUNITY_SUPPORT").asBoolean()).isFalse();
    }

    @Test
    void settingsAreNestedOverTheDefaultsWithSecretsMasked() throws Exception {
        String tenantId = tenant("settings", Plan.ENTERPRISE);
        append(tenantId, new SettingsChangedEvent(tenantId, List.of(
                new FieldChange("security.ipAllowList", List.of(), List.of("10.0.0.0/8", "127.0.0.1/32")),
                new FieldChange("security.sso.clientSecret", null, "s3cr3t-value"),
                new FieldChange("compliance.retentionDays.messages", 365, 90))));

        HttpResponse<String> response = get("/api/v1/tenants/current/settings", ownerToken(tenantId));
        assertThat(response.body()).doesNotContain("s3cr3t-value");
        JsonNode body = body(response);
        assertThat(body.get("timezone").asText()).isEqualTo("UTC");
        assertThat(body.at("/security/twoFactorRequired").asBoolean(true)).isFalse();
        assertThat(body.at("/security/sessionTimeoutMinutes").asInt()).isEqualTo(60);
        assertThat(body.at("/security/ipAllowList").toString()).isEqualTo("[\"10.0.0.0/8\",\"127.0.0.1/32\"]");
        assertThat(body.at("/security/sso/enabled").asBoolean(true)).isFalse();
        assertThat(body.at("/security/sso/clientSecret").asText()).isEqualTo("********");
        assertThat(body.at("/compliance/retentionDays/messages").asInt()).isEqualTo(90);
        assertThat(body.at("/compliance/retentionDays/auditLogs").asInt()).isEqualTo(2555);
        assertThat(body.has("security.ipAllowList")).as("no flat keys").isFalse();
    }

    @Test
    void brandingSaysWhetherItIsShown() throws Exception {
        String tenantId = tenant("brand", Plan.ENTERPRISE);
        append(tenantId, new BrandingChangedEvent(tenantId, List.of(
                new FieldChange("logoUrl", null, "https://cdn.brand.test/logo.svg"),
                new FieldChange("customCss", null, ".a{}"))));

        JsonNode body = body(get("/api/v1/tenants/current/branding", ownerToken(tenantId)));
        assertThat(body.get("logoUrl").asText()).isEqualTo("https://cdn.brand.test/logo.svg");
        assertThat(body.get("customCss").asText()).isEqualTo(".a{}");
        assertThat(body.get("primaryColor").isNull()).isTrue();
        assertThat(body.get("whiteLabel").asBoolean()).isTrue();

        append(tenantId, new FeaturesOverriddenEvent(tenantId, Map.of(), Map.of(Feature.WHITE_LABEL, false)));
        assertThat(body(get("/api/v1/tenants/current/branding", ownerToken(tenantId))).get("whiteLabel").asBoolean())
                .isFalse();
    }

    @Test
    void domainsAreListedWithTheirStatus() throws Exception {
        String tenantId = tenant("domainlist", Plan.ENTERPRISE);
        append(tenantId, new DomainRegisteredEvent(tenantId, "login.domainlist.test", "verify-me"),
                new DomainRegisteredEvent(tenantId, "app.domainlist.test", "verify-too"),
                new DomainVerifiedEvent(tenantId, "app.domainlist.test", "dns-txt"));

        JsonNode domains = body(get("/api/v1/tenants/current/domains", ownerToken(tenantId)));
        assertThat(domains).hasSize(2);
        assertThat(domains.get(0).get("domain").asText()).isEqualTo("login.domainlist.test");
        assertThat(domains.get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(domains.get(0).get("verificationToken").asText()).isEqualTo("verify-me");
        assertThat(domains.get(0).get("verifiedAt").isNull()).isTrue();
        assertThat(domains.get(1).get("status").asText()).isEqualTo("VERIFIED");
        assertThat(domains.get(1).get("method").asText()).isEqualTo("dns-txt");
        assertThat(domains.get(1).get("verifiedAt").isNull()).isFalse();
    }
}
