package dev.tenancy.platform.tenant;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.security.AllowedWithoutSecondFactor;
import dev.tenancy.platform.security.PublicEndpoint;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Routes that answer what the request was resolved to. */
@RestController
@RequestMapping("/api/test")
class TenantTestController {

    @GetMapping("/plain")
    Map<String, Object> plain() {
        return resolved();
    }

    @GetMapping("/history")
    @DeletedTenantVisibleToSuperadmins
    Map<String, Object> history() {
        return resolved();
    }

    @GetMapping("/status")
    @AllowedWhenSuspended
    Map<String, Object> status() {
        return resolved();
    }

    @GetMapping("/ab-tests")
    @RequiresFeature(Feature.AB_TESTING)
    Map<String, Object> abTests() {
        return resolved();
    }

    @GetMapping("/white-label")
    Map<String, Object> whiteLabel() {
        FeatureGuard.require(Feature.WHITE_LABEL);
        return resolved();
    }

    @GetMapping("/setup")
    @AllowedWithoutSecondFactor
    Map<String, Object> setup() {
        return resolved();
    }

    @GetMapping("/branding")
    @PublicEndpoint
    Map<String, Object> branding() {
        return resolved();
    }

    private static Map<String, Object> resolved() {
        CallContext context = CallContextHolder.current().orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", CurrentTenant.find().map(TenantRef::slug).orElse(null));
        body.put("contextTenant", context.tenantId());
        body.put("actingSuperadmin", context.actingSuperadmin());
        return body;
    }
}
