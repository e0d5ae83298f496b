package dev.tenancy.platform.ratelimit;

import dev.tenancy.platform.security.PublicEndpoint;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.TenantRef;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Routes that answer the tenant they were resolved to. */
@RestController
@RequestMapping("/api/rl")
class RateLimitTestController {

    @GetMapping("/plain")
    Map<String, String> plain() {
        return Map.of("tenant", CurrentTenant.find().map(TenantRef::id).orElse("none"));
    }

    @GetMapping("/public")
    @PublicEndpoint
    Map<String, String> open() {
        return Map.of("tenant", CurrentTenant.find().map(TenantRef::id).orElse("none"));
    }
}
