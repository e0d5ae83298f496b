package dev.tenancy.command.tenant;

import com.mongodb.client.MongoClient;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Set-based validation of slugs on the command side (see {@link ReservableClaims}). This is command-side state, not
 * a read model, and is never rebuilt from a projection that could lag. A deleted tenant's slug keeps pointing at it
 * until its reservation ends and another tenant claims it.
 */
@Component
public class SlugRegistry {

    private final ReservableClaims slugs;

    public SlugRegistry(MongoClient client, EventStoreProperties properties, Clock clock) {
        this.slugs = new ReservableClaims(
                client.getDatabase(properties.serviceDatabase()).getCollection("tenant_slugs"), clock);
    }

    public void claim(String slug, TenantId tenantId) {
        if (!slugs.claim(slug, tenantId.value())) {
            throw new SlugAlreadyTakenException(slug);
        }
    }

    /** Undoes a claim whose tenant was never created; another tenant's claim is left alone. */
    public void release(String slug, TenantId tenantId) {
        slugs.release(slug, tenantId.value());
    }

    /** Keeps a deleted tenant's slug from being taken until {@code until}. */
    public void reserveUntil(TenantId tenantId, Instant until) {
        slugs.reserveUntil(tenantId.value(), until);
    }

    public Optional<TenantId> tenantOf(String slug) {
        return slugs.holder(slug).map(TenantId::of);
    }
}
