package dev.tenancy.query.analytics;

import dev.tenancy.api.tenant.TenantStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static dev.tenancy.api.plan.Plan.*;
import static dev.tenancy.api.tenant.TenantStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** MRR from the counts: list prices for active tenants, suspended on hold, deleted gone, Enterprise unpriced. */
class TenantLevelsTest {

    private static final LocalDate DAY = LocalDate.parse("2024-01-01");

    @Test
    void mrrPricesActiveTenantsAtTheCatalogsListPrices() {
        TenantLevels levels = new TenantLevels();
        created(levels, new PlanStatus(FREE, ACTIVE), 4);
        created(levels, new PlanStatus(STARTER, ACTIVE), 3);
        created(levels, new PlanStatus(PROFESSIONAL, ACTIVE), 2);
        created(levels, new PlanStatus(ENTERPRISE, ACTIVE), 5);
        moved(levels, new PlanStatus(STARTER, ACTIVE), new PlanStatus(STARTER, SUSPENDED), 1);
        moved(levels, new PlanStatus(PROFESSIONAL, ACTIVE), new PlanStatus(PROFESSIONAL, DELETED), 1);
        moved(levels, new PlanStatus(ENTERPRISE, ACTIVE), new PlanStatus(ENTERPRISE, SUSPENDED), 1);

        MrrCurrent mrr = levels.mrr();
        assertThat(mrr.mrrUsd()).isEqualTo(new BigDecimal("157"));
        assertThat(mrr.suspendedMrrUsd()).isEqualTo(new BigDecimal("29"));
        assertThat(mrr.payingTenants()).as("2 STARTER, 1 PROFESSIONAL").isEqualTo(3);
        assertThat(mrr.customPricedTenants()).isEqualTo(4);
        assertThat(mrr.byPlan()).containsExactly(
                new PlanRevenue(FREE, BigDecimal.ZERO, 4, 0, BigDecimal.ZERO, BigDecimal.ZERO),
                new PlanRevenue(STARTER, new BigDecimal("29"), 2, 1, new BigDecimal("58"), new BigDecimal("29")),
                new PlanRevenue(PROFESSIONAL, new BigDecimal("99"), 1, 0, new BigDecimal("99"), BigDecimal.ZERO),
                new PlanRevenue(ENTERPRISE, null, 4, 1, BigDecimal.ZERO, BigDecimal.ZERO));
        assertThat(levels.mrr(DAY).byPlan()).containsEntry(STARTER, new BigDecimal("58"))
                .containsEntry(ENTERPRISE, BigDecimal.ZERO);

        TenantCountsDay counts = levels.counts(DAY);
        assertThat(counts.total()).isEqualTo(13);
        assertThat(counts.byPlan()).containsEntry(PROFESSIONAL, 1L).containsEntry(ENTERPRISE, 5L);
        assertThat(counts.byStatus()).containsEntry(ACTIVE, 11L).containsEntry(SUSPENDED, 2L)
                .containsEntry(TenantStatus.DELETED, 1L);
    }

    private static void created(TenantLevels levels, PlanStatus state, long tenants) {
        levels.apply(new TransitionCount(DAY, null, state, tenants));
    }

    private static void moved(TenantLevels levels, PlanStatus from, PlanStatus to, long tenants) {
        levels.apply(new TransitionCount(DAY, from, to, tenants));
    }
}
