package dev.tenancy.command.tenant;

import com.mongodb.client.MongoClient;
import dev.tenancy.platform.axon.EventStoreProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Custom domains are unique across tenants, pending or verified, claimed like slugs (see {@link ReservableClaims}).
 * A deleted tenant's claims stay until their reservation ends; then a new claim may take them over.
 */
@Component
public class DomainRegistry {

    private final ReservableClaims domains;

    public DomainRegistry(MongoClient client, EventStoreProperties properties, Clock clock) {
        this.domains = new ReservableClaims(
                client.getDatabase(properties.serviceDatabase()).getCollection("tenant_domains"), clock);
    }

    public void claim(String domain, String tenantId) {
        if (!domains.claim(domain, tenantId)) {
            throw TenantRuleViolation.domainTaken(domain);
        }
    }

    public void release(String domain, String tenantId) {
        domains.release(domain, tenantId);
    }

    public void reserveUntil(String tenantId, Instant until) {
        domains.reserveUntil(tenantId, until);
    }

    public Optional<String> tenantOf(String domain) {
        return domains.holder(domain);
    }
}
