package dev.tenancy.query.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.query.QueryServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The query service's TenantDirectory, from the tenants read model. */
class ReadModelTenantDirectoryTest extends QueryServiceTestSupport {

    @Autowired
    TenantDirectory directory;

    @Test
    void findsTenantsByIdSlugAndVerifiedDomainWithTheirEffectiveFeatures() {
        String tenantId = tenant("directory", Plan.STARTER);
        append(tenantId, new FeaturesOverriddenEvent(tenantId, Map.of(), Map.of(Feature.WHITE_LABEL, true)),
                new TenantSuspendedEvent(tenantId, "audit"),
                new DomainRegisteredEvent(tenantId, "verified.directory.test", "t1"),
                new DomainRegisteredEvent(tenantId, "pending.directory.test", "t2"),
                new DomainVerifiedEvent(tenantId, "verified.directory.test", "dns-txt"));

        TenantRef ref = directory.findById(tenantId).orElseThrow();
        assertThat(ref.id()).isEqualTo(tenantId);
        assertThat(ref.slug()).isEqualTo("directory");
        assertThat(ref.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(ref.statusReason()).isEqualTo("audit");
        assertThat(ref.plan()).isEqualTo(Plan.STARTER);
        assertThat(ref.features()).isEqualTo(PlanCatalog.effectiveFeatures(Plan.STARTER,
                Map.of(Feature.WHITE_LABEL, true)));

        assertThat(directory.findBySlug("directory")).contains(ref);
        assertThat(directory.findByVerifiedDomain("verified.directory.test")).contains(ref);
        assertThat(directory.findByVerifiedDomain("pending.directory.test")).isEmpty();
        assertThat(directory.findById("no-such-id")).isEmpty();
        assertThat(directory.findBySlug("no-such-slug")).isEmpty();
    }

    @Test
    void deletedTenantsAreReturnedAsDeletedButALiveHolderOfTheSlugComesFirst() {
        String old = tenant("reused", Plan.FREE);
        append(old, new TenantDeletedEvent(old, "closed", Instant.now(), Instant.now()));
        assertThat(directory.findById(old).map(TenantRef::status)).contains(TenantStatus.DELETED);
        assertThat(directory.findBySlug("reused").map(TenantRef::id)).contains(old);

        String current = tenant("reused", Plan.FREE);
        assertThat(directory.findBySlug("reused").map(TenantRef::id)).contains(current);
    }
}
