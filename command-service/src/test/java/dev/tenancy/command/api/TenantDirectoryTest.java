package dev.tenancy.command.api;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.platform.tenant.TenantDirectory;
import dev.tenancy.platform.tenant.TenantRef;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's directory agrees with the aggregate as soon as a command returns, and heals from the events. */
class TenantDirectoryTest extends CommandApiTestSupport {

    @Autowired
    TenantDirectory directory;

    @Test
    void aNewTenantIsFoundByIdAndSlug() throws Exception {
        Tenant tenant = signup();
        TenantRef ref = directory.findById(tenant.id()).orElseThrow();
        assertThat(ref.slug()).isEqualTo(tenant.slug());
        assertThat(ref.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(ref.plan()).isEqualTo(Plan.FREE);
        assertThat(ref.features()).isEqualTo(PlanCatalog.terms(Plan.FREE).features());
        assertThat(directory.findBySlug(tenant.slug())).contains(ref);
        assertThat(directory.findById("no-such-tenant")).isEmpty();
        assertThat(directory.findBySlug("no-such-slug")).isEmpty();
    }

    @Test
    void changesAreVisibleTheMomentTheCommandReturns() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"plan\":\"STARTER\","
                + "\"features\":{\"AB_TESTING\":true,\"API_ACCESS\":false},\"status\":\"SUSPENDED\","
                + "\"reason\":\"unpaid\"}"), 200);

        TenantRef ref = directory.findById(tenant.id()).orElseThrow();
        assertThat(ref.plan()).isEqualTo(Plan.STARTER);
        assertThat(ref.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(ref.statusReason()).isEqualTo("unpaid");
        assertThat(ref.features()).contains(Feature.AB_TESTING, Feature.AUTOMATION).doesNotContain(Feature.API_ACCESS);

        ok(send("DELETE", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"reason\":\"closed\"}"), 200);
        assertThat(directory.findBySlug(tenant.slug())).hasValueSatisfying(deleted ->
                assertThat(deleted.status()).isEqualTo(TenantStatus.DELETED));
    }

    @Test
    void aMissingEntryIsFoldedAgainFromTheEventStore() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"plan\":\"PROFESSIONAL\"}"), 200);
        TenantRef live = directory.findById(tenant.id()).orElseThrow();

        entries().deleteOne(new Document("_id", tenant.id()));

        assertThat(directory.findById(tenant.id())).contains(live);
        assertThat(entries().find(new Document("_id", tenant.id())).first()).isNotNull();
    }

    @Test
    void aMissedEventIsNoticedByTheGapAndRepaired() throws Exception {
        Tenant tenant = signup();
        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"plan\":\"PROFESSIONAL\"}"), 200);
        entries().updateOne(new Document("_id", tenant.id()), new Document("$set",
                new Document("plan", "FREE").append("version", 1L)));

        ok(send("PATCH", "/api/v1/tenants/" + tenant.id(), superadmin(), "{\"status\":\"SUSPENDED\","
                + "\"reason\":\"x\"}"), 200);

        TenantRef ref = directory.findById(tenant.id()).orElseThrow();
        assertThat(ref.plan()).as("the missed plan change").isEqualTo(Plan.PROFESSIONAL);
        assertThat(ref.status()).isEqualTo(TenantStatus.SUSPENDED);
    }

    private com.mongodb.client.MongoCollection<Document> entries() {
        return mongo.getDatabase("tenancy_command").getCollection("tenant_directory");
    }
}
