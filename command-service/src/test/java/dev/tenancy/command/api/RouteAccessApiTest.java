package dev.tenancy.command.api;

import dev.tenancy.api.user.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every tenant route answers 401 without a token, 403 to a role it does not serve, 404 for a tenant not there. */
class RouteAccessApiTest extends CommandApiTestSupport {

    private record Route(String method, String path, String body, boolean superadminOnly) {
    }

    @Test
    void everyRouteIsClosedToStrangersAndToRolesItDoesNotServe() throws Exception {
        Tenant tenant = signup();
        List<Route> routes = List.of(
                new Route("PATCH", "/api/v1/tenants/" + tenant.id(), "{\"plan\":\"STARTER\"}", true),
                new Route("DELETE", "/api/v1/tenants/" + tenant.id(), "{\"reason\":\"x\"}", true),
                new Route("POST", "/api/v1/tenants/" + tenant.id() + "/domains/a.example/verify",
                        "{\"override\":true}", true),
                new Route("PATCH", "/api/v1/tenants/current/settings", "{\"timezone\":\"UTC\"}", false),
                new Route("PATCH", "/api/v1/tenants/current/branding", "{\"primaryColor\":\"#fff\"}", false),
                new Route("POST", "/api/v1/tenants/current/domains", "{\"domain\":\"a.example\"}", false),
                new Route("POST", "/api/v1/tenants/current/domains/a.example/verify", null, false),
                new Route("DELETE", "/api/v1/tenants/current/domains/a.example", null, false),
                new Route("POST", "/api/v1/tenants/current/invitations", "{\"email\":\"a@b.test\","
                        + "\"role\":\"MEMBER\"}", false),
                new Route("PATCH", "/api/v1/tenants/current/users/u-1", "{\"role\":\"ADMIN\"}", false),
                new Route("DELETE", "/api/v1/tenants/current/users/u-1", null, false));
        long before = eventCount();
        for (Route route : routes) {
            assertProblem(send(route.method(), route.path(), null, route.body()), 401, "unauthenticated");
            assertProblem(send(route.method(), route.path(), token(tenant, Role.MEMBER), route.body()), 403,
                    "forbidden");
            if (route.superadminOnly()) {
                assertProblem(send(route.method(), route.path(), tenant.ownerToken(), route.body()), 403,
                        "forbidden");
                assertProblem(send(route.method(), route.path().replace(tenant.id(), "no-such-tenant"),
                        superadmin(), route.body()), 404, "tenant-not-found");
            } else {
                assertProblem(send(route.method(), route.path(), superadmin(), route.body()), 404,
                        "tenant-not-found");
            }
        }
        assertThat(eventCount()).isEqualTo(before);
    }
}
