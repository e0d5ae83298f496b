package dev.tenancy.command.tenant;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A deleted tenant's slug and domains stay its own for the reservation period, then the next claim takes them. */
class ReservationTest {

    private static final MongoServer MONGO = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://localhost:" + MONGO.bind().getPort());
    private static final TenantId OLD = TenantId.of("old-tenant");
    private static final TenantId NEW = TenantId.of("new-tenant");
    private MutableClock clock;
    private SlugRegistry slugs;
    private DomainRegistry domains;

    @BeforeEach
    void setUp() {
        CLIENT.getDatabase("reservations").drop();
        clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        EventStoreProperties properties = new EventStoreProperties(null, "reservations", null, null, null, null);
        slugs = new SlugRegistry(CLIENT, properties, clock);
        domains = new DomainRegistry(CLIENT, properties, clock);
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        MONGO.shutdown();
    }

    @Test
    void aDeletedTenantsSlugIsReservedUntilTheReservationEnds() {
        slugs.claim("acme", OLD);
        slugs.reserveUntil(OLD, clock.instant().plus(TenantAggregate.RESERVATION_AFTER_DELETE));

        clock.advance(TenantAggregate.RESERVATION_AFTER_DELETE.minusSeconds(1));
        assertThatThrownBy(() -> slugs.claim("acme", NEW)).isInstanceOf(SlugAlreadyTakenException.class);
        assertThat(slugs.tenantOf("acme")).contains(OLD);

        clock.advance(Duration.ofSeconds(2));
        slugs.claim("acme", NEW);
        assertThat(slugs.tenantOf("acme")).contains(NEW);
        assertThatThrownBy(() -> slugs.claim("acme", OLD)).as("the new claim carries no reservation")
                .isInstanceOf(SlugAlreadyTakenException.class);
    }

    @Test
    void aLiveTenantsSlugIsNeverTakenOver() {
        slugs.claim("acme", OLD);
        clock.advance(Duration.ofDays(10_000));
        assertThatThrownBy(() -> slugs.claim("acme", NEW)).isInstanceOf(SlugAlreadyTakenException.class);
    }

    @Test
    void aReleaseOnlyGivesBackTheTenantsOwnClaim() {
        slugs.claim("acme", OLD);
        slugs.release("acme", NEW);
        assertThat(slugs.tenantOf("acme")).contains(OLD);
        slugs.release("acme", OLD);
        assertThat(slugs.tenantOf("acme")).isEmpty();
    }

    @Test
    void aDeletedTenantsDomainsAreReservedUntilTheReservationEnds() {
        domains.claim("shop.acme.example", OLD.value());
        domains.claim("www.acme.example", OLD.value());
        domains.reserveUntil(OLD.value(), clock.instant().plus(Duration.ofDays(90)));

        clock.advance(Duration.ofDays(89));
        assertThatThrownBy(() -> domains.claim("shop.acme.example", NEW.value()))
                .isInstanceOf(TenantRuleViolation.class).hasMessageContaining("already registered");

        clock.advance(Duration.ofDays(2));
        domains.claim("shop.acme.example", NEW.value());
        assertThat(domains.tenantOf("shop.acme.example")).contains(NEW.value());
        assertThat(domains.tenantOf("www.acme.example")).contains(OLD.value());
    }

    @Test
    void aTenantTakesBackItsOwnLeftoverClaimButNotAReservedOne() {
        domains.claim("shop.acme.example", OLD.value());
        domains.claim("shop.acme.example", OLD.value());
        assertThatThrownBy(() -> domains.claim("shop.acme.example", NEW.value()))
                .isInstanceOf(TenantRuleViolation.class);
        domains.reserveUntil(OLD.value(), clock.instant().plusSeconds(60));
        assertThatThrownBy(() -> domains.claim("shop.acme.example", OLD.value()))
                .isInstanceOf(TenantRuleViolation.class);
    }
}
