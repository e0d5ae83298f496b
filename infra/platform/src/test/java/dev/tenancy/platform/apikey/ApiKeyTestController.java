package dev.tenancy.platform.apikey;

import dev.tenancy.api.apikey.ApiKeyScopes;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.TenantRef;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Routes that answer who called them, for which tenant. */
@RestController
@RequestMapping("/api/kt")
class ApiKeyTestController {

    @GetMapping("/things")
    Map<String, Object> read() {
        return caller();
    }

    @PostMapping("/things")
    Map<String, Object> write() {
        return caller();
    }

    @DeleteMapping("/things")
    Map<String, Object> delete() {
        return caller();
    }

    @PostMapping("/usage")
    @AcceptsKeyScope(ApiKeyScopes.USAGE_WRITE)
    Map<String, Object> usage() {
        return caller();
    }

    @GetMapping("/admin")
    @RequiresRole({Role.OWNER, Role.ADMIN})
    Map<String, Object> admin() {
        return caller();
    }

    @GetMapping("/people")
    @PeopleOnly
    Map<String, Object> people() {
        return caller();
    }

    private static Map<String, Object> caller() {
        CallContext context = CallContextHolder.current().orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", CurrentTenant.find().map(TenantRef::slug).orElse(null));
        body.put("contextTenant", context.tenantId());
        body.put("actorId", context.actorId());
        body.put("actorKind", context.actorKind().name());
        body.put("actorRole", context.actorRole());
        return body;
    }
}
