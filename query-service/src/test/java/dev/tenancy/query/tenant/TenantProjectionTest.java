package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.api.tenant.query.DomainView;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.api.user.Role;
import dev.tenancy.query.QueryServiceTestSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each tenant event, published to the event store, lands in the tenants read model. */
class TenantProjectionTest extends QueryServiceTestSupport {

    @Test
    void signupGivesAnActiveTenantWithThePlansLimitsAndFeatures() {
        String tenantId = tenant("acme", Plan.STARTER);

        TenantView view = view(tenantId);
        assertThat(view.slug()).isEqualTo("acme");
        assertThat(view.plan()).isEqualTo(Plan.STARTER);
        assertThat(view.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(view.limits()).isEqualTo(PlanCatalog.terms(Plan.STARTER).limits());
        assertThat(view.planLimits()).isEqualTo(PlanCatalog.terms(Plan.STARTER).limits());
        assertThat(view.features()).containsExactly(Feature.API_ACCESS, Feature.AUTOMATION, Feature.BASIC_ANALYTICS,
                Feature.COMMUNITY_SUPPORT, Feature.EMAIL_SUPPORT);
        assertThat(view.limitOverrides()).isEqualTo(LimitOverrides.none());
        assertThat(view.overLimit()).isEmpty();
        assertThat(view.version()).as("the owner's UserAddedEvent moves the version on").isEqualTo(1);
        assertThat(document(tenantId).getString("tenantId")).isEqualTo(tenantId);
    }

    @Test
    void planChangeSetsPlanLimitsAndRecomputesFeaturesWithTheOverrides() {
        String tenantId = tenant("upgrader", Plan.FREE);
        append(tenantId, new FeaturesOverriddenEvent(tenantId, Map.of(), Map.of(Feature.BASIC_ANALYTICS, false)));
        var professional = PlanCatalog.terms(Plan.PROFESSIONAL).limits();
        append(tenantId, new PlanChangedEvent(tenantId, Plan.FREE, Plan.PROFESSIONAL, professional, professional));

        TenantView view = view(tenantId);
        assertThat(view.plan()).isEqualTo(Plan.PROFESSIONAL);
        assertThat(view.planLimits()).isEqualTo(professional);
        assertThat(view.limits()).isEqualTo(professional);
        assertThat(view.features()).contains(Feature.AB_TESTING, Feature.CUSTOM_INTEGRATIONS)
                .doesNotContain(Feature.BASIC_ANALYTICS, Feature.WHITE_LABEL);
        assertThat(view.features()).isSortedAccordingTo((a, b) -> a.name().compareTo(b.name()));
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void limitOverridesAreKeptBesideTheLimitsInForce() {
        String tenantId = tenant("overridden", Plan.STARTER);
        var overrides = new LimitOverrides(Quota.of(40), null, null, null, Quota.unlimitedQuota(), null, null, true);
        var inForce = overrides.applyTo(PlanCatalog.terms(Plan.STARTER).limits());
        append(tenantId, new LimitsOverriddenEvent(tenantId, LimitOverrides.none(), overrides, inForce));

        TenantView view = view(tenantId);
        assertThat(view.limitOverrides()).isEqualTo(overrides);
        assertThat(view.limits()).isEqualTo(inForce);
        assertThat(view.limits().users().max()).isEqualTo(40);
        assertThat(view.limits().storage().unlimited()).isTrue();
        assertThat(view.planLimits()).isEqualTo(PlanCatalog.terms(Plan.STARTER).limits());
    }

    @Test
    void featureOverridesSwitchFeaturesOnAndOff() {
        String tenantId = tenant("featured", Plan.STARTER);
        append(tenantId, new FeaturesOverriddenEvent(tenantId, Map.of(),
                Map.of(Feature.WHITE_LABEL, true, Feature.AUTOMATION, false)));

        TenantView view = view(tenantId);
        assertThat(view.featureOverrides()).containsExactlyInAnyOrderEntriesOf(
                Map.of(Feature.WHITE_LABEL, true, Feature.AUTOMATION, false));
        assertThat(view.features()).contains(Feature.WHITE_LABEL).doesNotContain(Feature.AUTOMATION);

        append(tenantId, new FeaturesOverriddenEvent(tenantId, view.featureOverrides(), Map.of()));
        assertThat(view(tenantId).features()).contains(Feature.AUTOMATION).doesNotContain(Feature.WHITE_LABEL);
        assertThat(view(tenantId).featureOverrides()).isEmpty();
    }

    @Test
    void suspensionActivationAndDeletionSetStatusAndReason() {
        String tenantId = tenant("lifecycle", Plan.FREE);
        append(tenantId, new TenantSuspendedEvent(tenantId, "unpaid invoice"));
        assertThat(view(tenantId).status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(view(tenantId).statusReason()).isEqualTo("unpaid invoice");

        append(tenantId, new TenantActivatedEvent(tenantId, "paid"));
        assertThat(view(tenantId).status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(view(tenantId).statusReason()).isNull();

        Instant deletedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(tenantId, new TenantDeletedEvent(tenantId, "closed", deletedAt, deletedAt.plus(90, ChronoUnit.DAYS)));
        TenantView deleted = view(tenantId);
        assertThat(deleted.status()).isEqualTo(TenantStatus.DELETED);
        assertThat(deleted.statusReason()).isEqualTo("closed");
        assertThat(deleted.deletedAt()).isEqualTo(deletedAt);
        assertThat(deleted.reservedUntil()).isEqualTo(deletedAt.plus(90, ChronoUnit.DAYS));
    }

    @Test
    void settingsChangesSetAndUnsetDottedPaths() {
        String tenantId = tenant("configured", Plan.FREE);
        append(tenantId, new SettingsChangedEvent(tenantId, List.of(
                new FieldChange("timezone", "UTC", "Europe/Berlin"),
                new FieldChange("security.ipAllowList", List.of(), List.of("10.0.0.0/8")),
                new FieldChange("compliance.retentionDays.messages", 365, 30))));

        Document settings = document(tenantId).get("settings", Document.class);
        assertThat(settings).containsEntry("timezone", "Europe/Berlin")
                .containsEntry("security/ipAllowList", List.of("10.0.0.0/8"))
                .containsEntry("compliance/retentionDays/messages", 30);

        append(tenantId, new SettingsChangedEvent(tenantId, List.of(new FieldChange("timezone", "Europe/Berlin",
                null))));
        assertThat(document(tenantId).get("settings", Document.class)).doesNotContainKey("timezone")
                .containsKey("security/ipAllowList");
        assertThat(views.findDetails(TenantId.of(tenantId)).orElseThrow().settings())
                .as("an unset field falls back to its default").containsEntry("timezone", "UTC");
    }

    @Test
    void brandingChangesSetAndUnsetFields() {
        String tenantId = tenant("branded", Plan.ENTERPRISE);
        append(tenantId, new BrandingChangedEvent(tenantId, List.of(
                new FieldChange("logoUrl", null, "https://cdn.example/logo.png"),
                new FieldChange("primaryColor", null, "#112233"))));
        append(tenantId, new BrandingChangedEvent(tenantId, List.of(
                new FieldChange("primaryColor", "#112233", null),
                new FieldChange("customCss", null, ".login{color:red}"))));

        assertThat(document(tenantId).get("branding", Document.class)).containsOnly(
                Map.entry("logoUrl", "https://cdn.example/logo.png"), Map.entry("customCss", ".login{color:red}"));
    }

    @Test
    void domainsAreRegisteredVerifiedAndRemoved() {
        String tenantId = tenant("domains", Plan.ENTERPRISE);
        append(tenantId, new DomainRegisteredEvent(tenantId, "app.domains.test", "token-1"),
                new DomainRegisteredEvent(tenantId, "www.domains.test", "token-2"));
        List<DomainView> pending = TenantDocuments.toDomains(document(tenantId));
        assertThat(pending).extracting(DomainView::domain).containsExactly("app.domains.test", "www.domains.test");
        assertThat(pending).allSatisfy(domain -> {
            assertThat(domain.status()).isEqualTo(DomainView.PENDING);
            assertThat(domain.registeredAt()).isNotNull();
            assertThat(domain.verifiedAt()).isNull();
        });
        assertThat(pending.get(0).verificationToken()).isEqualTo("token-1");

        append(tenantId, new DomainVerifiedEvent(tenantId, "app.domains.test", "dns-txt"));
        DomainView verified = TenantDocuments.toDomains(document(tenantId)).get(0);
        assertThat(verified.status()).isEqualTo(DomainView.VERIFIED);
        assertThat(verified.method()).isEqualTo("dns-txt");
        assertThat(verified.verifiedAt()).isAfterOrEqualTo(verified.registeredAt());

        append(tenantId, new DomainRemovedEvent(tenantId, "www.domains.test"));
        assertThat(TenantDocuments.toDomains(document(tenantId))).extracting(DomainView::domain)
                .containsExactly("app.domains.test");
    }

    @Test
    void eventsThisModelIgnoresStillMoveTheVersionOn() {
        String tenantId = tenant("members", Plan.FREE);
        append(tenantId, new UserAddedEvent(tenantId, "u-2", "two@members.test", Role.MEMBER));
        assertThat(view(tenantId).version()).isEqualTo(2);
    }
}
