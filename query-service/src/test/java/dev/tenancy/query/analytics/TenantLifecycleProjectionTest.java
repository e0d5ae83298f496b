package dev.tenancy.query.analytics;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.PlanChangedEvent;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.api.tenant.event.TenantDeletedEvent;
import dev.tenancy.api.tenant.event.TenantSuspendedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.user.Role;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.tenancy.api.plan.Plan.*;
import static dev.tenancy.api.tenant.TenantStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Daily tenant counts and MRR from lifecycle events, dated by the events' timestamps. */
class TenantLifecycleProjectionTest extends AnalyticsTestSupport {

    @Test
    void countsAndMrrFollowTheEventsUtcDaysAndCarryOverQuietDays() {
        String free = created(FREE, "2001-03-02T10:00:00Z");
        String starter = created(STARTER, "2001-03-02T23:59:59Z");
        deliver("2001-03-04T00:00:00Z", planChanged(free, FREE, PROFESSIONAL));
        deliver("2001-03-04T08:00:00Z", new TenantSuspendedEvent(starter, "unpaid"));
        String enterprise = created(ENTERPRISE, "2001-03-05T12:00:00Z");
        deliver("2001-03-06T09:00:00Z", new TenantActivatedEvent(starter, "paid"));
        deliver("2001-03-06T10:00:00Z", new TenantDeletedEvent(free, "left", Instant.parse("2001-03-06T10:00:00Z"),
                Instant.parse("2001-04-06T10:00:00Z")));

        List<TenantCountsDay> days = tenantAnalytics.counts(range("2001-03-01", "2001-03-08")).days();
        assertThat(days).extracting(TenantCountsDay::date).containsExactly(LocalDate.parse("2001-03-01"),
                LocalDate.parse("2001-03-02"), LocalDate.parse("2001-03-03"), LocalDate.parse("2001-03-04"),
                LocalDate.parse("2001-03-05"), LocalDate.parse("2001-03-06"), LocalDate.parse("2001-03-07"),
                LocalDate.parse("2001-03-08"));
        TenantCountsDay base = days.get(0);
        assertThat(added(base, days.get(1))).isEqualTo(counts(2, Map.of(FREE, 1L, STARTER, 1L),
                Map.of(ACTIVE, 2L)));
        assertThat(added(base, days.get(2))).as("a quiet day carries the day before")
                .isEqualTo(added(base, days.get(1)));
        assertThat(added(base, days.get(3))).isEqualTo(counts(2, Map.of(PROFESSIONAL, 1L, STARTER, 1L),
                Map.of(ACTIVE, 1L, SUSPENDED, 1L)));
        assertThat(added(base, days.get(4))).isEqualTo(counts(3, Map.of(PROFESSIONAL, 1L, STARTER, 1L,
                ENTERPRISE, 1L), Map.of(ACTIVE, 2L, SUSPENDED, 1L)));
        assertThat(added(base, days.get(5))).as("a deleted tenant leaves total and byPlan, not byStatus")
                .isEqualTo(counts(2, Map.of(STARTER, 1L, ENTERPRISE, 1L), Map.of(ACTIVE, 2L, DELETED, 1L)));
        assertThat(added(base, days.get(7))).isEqualTo(added(base, days.get(5)));

        List<MrrDay> mrr = tenantAnalytics.mrr(range("2001-03-01", "2001-03-07")).days();
        MrrDay mrrBase = mrr.get(0);
        assertThat(mrrAdded(mrrBase, mrr.get(1))).isEqualTo(new BigDecimal("29"));
        assertThat(mrrAdded(mrrBase, mrr.get(3))).as("suspended STARTER out, PROFESSIONAL in")
                .isEqualTo(new BigDecimal("99"));
        assertThat(mrr.get(3).suspendedMrrUsd().subtract(mrrBase.suspendedMrrUsd())).isEqualTo(new BigDecimal("29"));
        assertThat(mrrAdded(mrrBase, mrr.get(4))).as("Enterprise is custom priced: counted, not priced")
                .isEqualTo(new BigDecimal("99"));
        assertThat(mrr.get(4).customPricedTenants() - mrrBase.customPricedTenants()).isEqualTo(1);
        assertThat(mrrAdded(mrrBase, mrr.get(5))).as("deleted PROFESSIONAL gone, reactivated STARTER back")
                .isEqualTo(new BigDecimal("29"));
        assertThat(mrr.get(5).payingTenants() - mrrBase.payingTenants()).isEqualTo(1);
        assertThat(mrr.get(5).suspendedMrrUsd()).isEqualTo(mrrBase.suspendedMrrUsd());
        assertThat(mrr.get(5).byPlan().get(STARTER).subtract(mrrBase.byPlan().get(STARTER)))
                .isEqualTo(new BigDecimal("29"));
        assertThat(mrr.get(5).byPlan().get(PROFESSIONAL)).isEqualTo(mrrBase.byPlan().get(PROFESSIONAL));
    }

    @Test
    void changesOnOneDayNetOutInTheTenantsDay() {
        String tenantId = created(FREE, "2002-05-10T08:00:00Z");
        deliver("2002-05-10T09:00:00Z", planChanged(tenantId, FREE, STARTER));
        deliver("2002-05-10T10:00:00Z", new TenantSuspendedEvent(tenantId, "review"));
        deliver("2002-05-10T11:00:00Z", new TenantActivatedEvent(tenantId, "ok"));
        deliver("2002-05-11T11:00:00Z", new TenantSuspendedEvent(tenantId, "again"));

        assertThat(day(tenantId, "2002-05-10")).containsEntry("before", null).containsEntry("after", "STARTER:ACTIVE")
                .containsEntry("version", 3L);
        assertThat(day(tenantId, "2002-05-11")).containsEntry("before", "STARTER:ACTIVE")
                .containsEntry("after", "STARTER:SUSPENDED");
        Document tenant = analytics.tenants.find(tenantId).orElseThrow();
        assertThat(tenant).containsEntry("plan", "STARTER").containsEntry("status", "SUSPENDED")
                .containsEntry("lastDay", "2002-05-11").containsEntry("version", 4L);
    }

    @Test
    void aChangeDatedBeforeTheTenantsLatestDayCountsOnThatDay() {
        String tenantId = created(FREE, "2003-01-02T00:00:01Z");
        deliver("2003-01-01T23:59:58Z", planChanged(tenantId, FREE, STARTER));

        assertThat(analytics.tenantDays.find(AnalyticsDocuments.tenantDayId(tenantId, LocalDate.parse("2003-01-01"))))
                .isEmpty();
        assertThat(day(tenantId, "2003-01-02")).containsEntry("before", null).containsEntry("after", "STARTER:ACTIVE");
    }

    @Test
    void redeliveringAnyEventChangesNothing() {
        String tenantId = created(STARTER, "2004-06-01T10:00:00Z");
        List<DomainEventMessage<?>> history = new ArrayList<>();
        history.add(deliver("2004-06-01T10:00:01Z", new UserAddedEvent(tenantId, "u", "u@x.test", Role.OWNER)));
        history.add(deliver("2004-06-02T10:00:00Z", planChanged(tenantId, STARTER, PROFESSIONAL)));
        history.add(deliver("2004-06-03T10:00:00Z", new TenantSuspendedEvent(tenantId, "r")));
        history.add(deliver("2004-06-03T11:00:00Z", new TenantActivatedEvent(tenantId, "r")));
        history.add(deliver("2004-06-04T10:00:00Z", new TenantDeletedEvent(tenantId, "r", Instant.EPOCH,
                Instant.EPOCH)));
        Map<String, List<Document>> before = analytics.findAllDocuments();
        TenantCountsView countsBefore = tenantAnalytics.counts(range("2004-05-31", "2004-06-05"));

        for (DomainEventMessage<?> event : history) {
            redeliver(event);
        }
        Collections.reverse(history);
        for (DomainEventMessage<?> event : history) {
            redeliver(event);
        }

        assertThat(analytics.findAllDocuments()).isEqualTo(before);
        assertThat(tenantAnalytics.counts(range("2004-05-31", "2004-06-05"))).isEqualTo(countsBefore);
    }

    /** The day is written before the tenant's state; a crash in between leaves the state one event behind. */
    @Test
    void anEventRedeliveredAfterACrashBetweenItsTwoWritesCountsOnce() {
        String tenantId = created(FREE, "2005-02-01T10:00:00Z");
        Document stateBefore = analytics.tenants.find(tenantId).orElseThrow();
        DomainEventMessage<?> upgrade = deliver("2005-02-01T12:00:00Z", planChanged(tenantId, FREE, STARTER));
        Map<String, List<Document>> applied = analytics.findAllDocuments();
        analytics.tenants.collection().replaceOne(new Document("_id", tenantId), stateBefore);

        redeliver(upgrade);

        assertThat(analytics.findAllDocuments()).isEqualTo(applied);
        assertThat(day(tenantId, "2005-02-01")).containsEntry("before", null).containsEntry("after", "STARTER:ACTIVE");
    }

    @Test
    void anEventOfATenantNeverCreatedChangesNothing() {
        Map<String, List<Document>> before = analytics.findAllDocuments();

        deliver("2006-01-01T00:00:00Z", new TenantSuspendedEvent("never-created", "r"));

        assertThat(analytics.findAllDocuments()).isEqualTo(before);
    }

    private static PlanChangedEvent planChanged(String tenantId, Plan from, Plan to) {
        var limits = PlanCatalog.terms(to).limits();
        return new PlanChangedEvent(tenantId, from, to, limits, limits);
    }

    private Document day(String tenantId, String date) {
        return analytics.tenantDays.find(AnalyticsDocuments.tenantDayId(tenantId, LocalDate.parse(date)))
                .orElseThrow();
    }

    static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    /** What {@code day} has more than {@code base}, leaving out zeros. */
    private static TenantCountsDay added(TenantCountsDay base, TenantCountsDay day) {
        Map<Plan, Long> byPlan = new EnumMap<>(Plan.class);
        day.byPlan().forEach((plan, count) -> {
            long more = count - base.byPlan().get(plan);
            if (more != 0) {
                byPlan.put(plan, more);
            }
        });
        Map<TenantStatus, Long> byStatus = new EnumMap<>(TenantStatus.class);
        day.byStatus().forEach((status, count) -> {
            long more = count - base.byStatus().get(status);
            if (more != 0) {
                byStatus.put(status, more);
            }
        });
        return new TenantCountsDay(null, day.total() - base.total(), byPlan, byStatus);
    }

    private static TenantCountsDay counts(long total, Map<Plan, Long> byPlan, Map<TenantStatus, Long> byStatus) {
        return new TenantCountsDay(null, total, byPlan, byStatus);
    }

    private static BigDecimal mrrAdded(MrrDay base, MrrDay day) {
        return day.mrrUsd().subtract(base.mrrUsd());
    }
}
