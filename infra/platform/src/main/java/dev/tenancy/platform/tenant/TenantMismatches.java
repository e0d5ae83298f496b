package dev.tenancy.platform.tenant;

import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.web.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;

/**
 * Requests that name two different tenants. They are logged and counted because, from a tenant user, they are what
 * an attempt to reach another tenant's data looks like.
 */
public class TenantMismatches {

    public static final String COUNTER = "tenancy.tenant.mismatch";
    private static final Logger log = LoggerFactory.getLogger(TenantMismatches.class);

    private final ObjectProvider<MeterRegistry> meters;

    public TenantMismatches(ObjectProvider<MeterRegistry> meters) {
        this.meters = meters;
    }

    /** A tenant user's token is authoritative: the request named another tenant than the token's. */
    ApiProblem againstToken(AuthenticatedUser user, TenantInput input, TenantRef named) {
        log.warn("Tenant mismatch: user {} with token tenant {} named tenant {} ({}) via {}", user.userId(),
                user.tenantId(), named.id(), named.slug(), input.describe());
        count(input.kind().via());
        return new ApiProblem(HttpStatus.FORBIDDEN, "tenant-mismatch", "Tenant mismatch", "The "
                + input.describe() + " names another tenant than your access token; you can act only on the "
                + "tenant you signed in to.");
    }

    /** Without a tenant in the token, the inputs themselves must agree. */
    ApiProblem betweenInputs(AuthenticatedUser user, String firstVia, TenantRef first, TenantInput input,
                             TenantRef named) {
        log.warn("Tenant mismatch: {} named tenant {} via {} but tenant {} via {}",
                user == null ? "anonymous caller" : "user " + user.userId(), first.slug(), firstVia, named.slug(),
                input.describe());
        count(input.kind().via());
        return new ApiProblem(HttpStatus.FORBIDDEN, "tenant-mismatch", "Tenant mismatch", "The "
                + input.describe() + " names another tenant than the " + firstVia + " does; name one tenant only.");
    }

    private void count(String via) {
        meters.ifAvailable(registry -> Counter.builder(COUNTER)
                .description("Requests naming another tenant than the caller's token or other inputs")
                .tag("via", via)
                .register(registry)
                .increment());
    }
}
