package dev.tenancy.command.usage;

import com.mongodb.client.MongoCollection;
import dev.tenancy.api.usage.UsagePeriod;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The scheduler (every 200 ms here) against a clock the test moves past period boundaries. */
class UsageRolloverTest extends UsageApiTestSupport {

    private static final String RESET = "UsagePeriodResetEvent";

    @Autowired
    UsagePeriodStore periods;
    @Autowired
    UsageRolloverScheduler scheduler;
    @Autowired
    UsageRolloverLease lease;

    @Test
    void aTenantPastItsBoundaryGetsExactlyOneResetPerBoundary() throws Exception {
        Instant signedUp = clock.instant();
        String tenant = signup();
        ok(report(tenant, body("messagesPerMonth", 600, "m-1")));
        UsagePeriod first = UsagePeriod.containing(signedUp, ZoneOffset.UTC, signedUp);
        assertThat(periods.periodEnd(tenant)).contains(first.end());

        clock.advance(Duration.between(clock.instant(), first.end()).plusMinutes(1));
        awaitResets(tenant, 1);
        assertThat(scheduler.rollOver()).isGreaterThanOrEqualTo(0);
        assertThat(count(tenant, RESET)).isEqualTo(1);
        UsagePeriod second = UsagePeriod.containing(signedUp, ZoneOffset.UTC, first.end());
        assertThat(periods.periodEnd(tenant)).contains(second.end());
        assertThat(ok(report(tenant, body("messagesPerMonth", 600, "m-2"))).get("used").asLong()).isEqualTo(600);

        clock.advance(Duration.ofDays(62));
        awaitResets(tenant, 3);
    }

    @Test
    void aTenantTheCollectionDoesNotKnowIsFoldedFromItsEvents() throws Exception {
        Instant signedUp = clock.instant();
        String tenant = signup();
        periods.rebuild(tenant);
        Instant end = periods.periodEnd(tenant).orElseThrow();
        collection().deleteOne(new Document("_id", tenant));
        assertThat(periods.missing()).contains(tenant);

        periods.missing().forEach(periods::rebuild);

        assertThat(periods.periodEnd(tenant)).contains(end);
        assertThat(end).isEqualTo(UsagePeriod.containing(signedUp, ZoneOffset.UTC, signedUp).end());
    }

    @Test
    void anEntryLeftBehindIsRepairedInsteadOfRolledOverForever() throws Exception {
        String tenant = signup();
        Instant past = clock.instant().minus(Duration.ofDays(1));
        collection().updateOne(new Document("_id", tenant),
                new Document("$set", new Document("periodEnd", Date.from(past))));

        await().atMost(Duration.ofSeconds(10)).until(() -> periods.periodEnd(tenant).orElseThrow().isAfter(past));

        assertThat(count(tenant, RESET)).isZero();
        assertThat(periods.due(clock.instant(), 1_000)).doesNotContain(tenant);
    }

    @Test
    void deletedTenantsAreNotRolledOver() throws Exception {
        String tenant = signup();
        ok(send("DELETE", "/api/v1/tenants/" + tenant, superadmin(), "{\"reason\":\"gone\"}"));

        assertThat(periods.periodEnd(tenant)).isEmpty();
        assertThat(periods.due(clock.instant().plus(Duration.ofDays(400)), 100_000)).doesNotContain(tenant);
        assertThat(periods.missing()).doesNotContain(tenant);
    }

    @Test
    void theLeaseHasOneHolderUntilItExpires() {
        String job = "job-" + UUID.randomUUID();
        Instant now = clock.instant();
        Duration minute = Duration.ofMinutes(1);

        assertThat(lease.acquire(job, "a", now, minute)).isTrue();
        assertThat(lease.acquire(job, "b", now.plusSeconds(30), minute)).isFalse();
        assertThat(lease.acquire(job, "a", now.plusSeconds(30), minute)).as("renewed by its holder").isTrue();
        assertThat(lease.acquire(job, "b", now.plusSeconds(80), minute)).as("still held after the renewal").isFalse();
        assertThat(lease.acquire(job, "b", now.plusSeconds(91), minute)).as("expired").isTrue();
        assertThat(lease.acquire(job, "a", now.plusSeconds(92), minute)).isFalse();
    }

    private void awaitResets(String tenant, int expected) {
        await().atMost(Duration.ofSeconds(15)).until(() -> count(tenant, RESET) >= expected);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                .until(() -> count(tenant, RESET) == expected);
    }

    private MongoCollection<Document> collection() {
        return mongo.getDatabase("tenancy_command").getCollection("usage_periods");
    }
}
