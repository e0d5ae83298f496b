package dev.tenancy.query.web.tenants;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.LimitOverrides;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.plan.Quota;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.query.FindTenantsQuery;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.usage.query.QuotaUsageView;
import dev.tenancy.api.usage.query.TenantUsageView;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.FieldErrors;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The tenant pages' model: links that keep the filters, aria-sort, reasons on the error page, override rows. */
class TenantPageModelTest {

    private static FindTenantsQuery sortedBy(String field, boolean ascending) {
        return new FindTenantsQuery(null, null, null, null, null, null, 0, 20, field, ascending);
    }

    @Test
    void blankParametersAreNotGivenAndLinksKeepTheFilters() {
        TenantListFilter filter = TenantListFilter.of("acme co", " ", "STARTER", null, "3", "");
        assertThat(filter.status()).isNull();
        assertThat(filter.size()).isNull();
        assertThat(filter.atPage(2)).isEqualTo("/dashboard/tenants?q=acme%20co&plan=STARTER&page=2");
        assertThat(filter.sortedBy("name,asc")).isEqualTo("/dashboard/tenants?q=acme%20co&plan=STARTER&sort=name,asc");
    }

    @Test
    void theSortingColumnSaysHowAndItsLinkTurnsTheOrderRound() {
        TenantListFilter filter = TenantListFilter.of(null, null, null, "slug,asc", null, null);
        List<SortColumn> columns = SortColumn.of(filter, sortedBy("slug", true));
        SortColumn slug = columns.stream().filter(c -> c.field().equals("slug")).findFirst().orElseThrow();
        SortColumn name = columns.stream().filter(c -> c.field().equals("name")).findFirst().orElseThrow();
        assertThat(slug.ariaSort()).isEqualTo("ascending");
        assertThat(slug.href()).isEqualTo("/dashboard/tenants?sort=slug,desc");
        assertThat(name.ariaSort()).isNull();
        assertThat(name.href()).isEqualTo("/dashboard/tenants?sort=name,asc");
        assertThat(SortColumn.of(filter, sortedBy("slug", false)).get(1).href())
                .isEqualTo("/dashboard/tenants?sort=slug,asc");
    }

    @Test
    void aRefusedParameterShowsItsReasonNotJustItsName() {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> new FieldErrors()
                .add("sort", "sort must be one of [name]").add("size", "size must be a whole number from 1 to 100")
                .throwIfAny());
        ApiProblem shown = PageProblems.withReasons(refused);
        assertThat(shown.getMessage())
                .isEqualTo("sort must be one of [name]; size must be a whole number from 1 to 100.");
        assertThat(shown.status().value()).isEqualTo(400);
        assertThat(shown.properties()).containsKey("errors");
        assertThatThrownBy(() -> PageProblems.minVersion("soon")).isInstanceOf(ApiProblem.class)
                .hasMessage("v must be a whole number of 0 or more");
        assertThat(PageProblems.minVersion("12")).isEqualTo(12);
    }

    @Test
    void limitRowsShowUsageThePlansLimitAndTheOverride() {
        var planLimits = PlanCatalog.terms(Plan.STARTER).limits();
        var overrides = new LimitOverrides(Quota.of(3), null, null, null, null, null, Quota.unlimitedQuota(), null);
        TenantDetailsView tenant = tenant(planLimits, overrides, Map.of(Feature.WHITE_LABEL, true));
        TenantUsageView usage = new TenantUsageView("t1", List.of(new QuotaUsageView("users", 4, Quota.of(3), false,
                0L, 133.3, null, null, true, List.of(80, 100))), 5);

        List<LimitRow> rows = LimitRow.of(tenant, usage);
        LimitRow users = rows.get(0);
        assertThat(users.key()).isEqualTo("users");
        assertThat(users.effectiveText()).isEqualTo("3");
        assertThat(users.planText()).isEqualTo(Long.toString(planLimits.users().max()));
        assertThat(users.overrideMax()).isEqualTo("3");
        assertThat(users.over()).isTrue();
        LimitRow webhooks = rows.stream().filter(r -> r.key().equals("webhooks")).findFirst().orElseThrow();
        assertThat(webhooks.overrideUnlimited()).isTrue();
        assertThat(webhooks.overrideMax()).isEmpty();
        assertThat(webhooks.effectiveText()).isEqualTo("Unlimited");
        assertThat(rows.stream().filter(r -> r.key().equals("campaigns")).findFirst().orElseThrow().overrideText())
                .isEqualTo("Plan default");

        FeatureRow whiteLabel = FeatureRow.of(tenant).stream().filter(r -> r.name().equals("WHITE_LABEL"))
                .findFirst().orElseThrow();
        assertThat(whiteLabel.inPlan()).isFalse();
        assertThat(whiteLabel.enabled()).isTrue();
        assertThat(whiteLabel.overrideValue()).isEqualTo("true");
        assertThat(whiteLabel.label()).isEqualTo("White label");
    }

    @Test
    void settingsAreListedByPath() {
        assertThat(SettingRow.of(Map.of("security", Map.of("ipAllowList", List.of("10.0.0.1/32", "10.0.0.2/32")))))
                .containsExactly(new SettingRow("security.ipAllowList", "10.0.0.1/32, 10.0.0.2/32"));
    }

    private static TenantDetailsView tenant(dev.tenancy.api.plan.Limits planLimits, LimitOverrides overrides,
                                            Map<Feature, Boolean> featureOverrides) {
        var features = PlanCatalog.effectiveFeatures(Plan.STARTER, featureOverrides).stream().sorted().toList();
        return new TenantDetailsView("t1", "Acme", "acme", Plan.STARTER, TenantStatus.ACTIVE, null,
                overrides.applyTo(planLimits), planLimits, overrides, features, featureOverrides, List.of(),
                Instant.parse("2026-01-01T00:00:00Z"), null, null, 5, Map.of(), null, List.of());
    }
}
