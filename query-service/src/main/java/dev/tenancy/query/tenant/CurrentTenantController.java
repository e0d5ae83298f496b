package dev.tenancy.query.tenant;

import dev.tenancy.api.tenant.query.FindTenantQuery;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

@RestController
@RequestMapping("/api/v1/tenants")
public class CurrentTenantController {

    private final QueryGateway queries;
    private final Duration readYourWritesTimeout;

    public CurrentTenantController(QueryGateway queries,
                                   @Value("${tenancy.read-your-writes.timeout}") Duration readYourWritesTimeout) {
        this.queries = queries;
        this.readYourWritesTimeout = readYourWritesTimeout;
    }

    @GetMapping("/current")
    @Operation(summary = "The caller's tenant", description = "With X-Min-Version (the version a command answered "
            + "with) the answer waits until the read model has caught up to it. A token is only issued for a tenant "
            + "that exists, so without the header the answer also waits for a tenant not yet projected.")
    public TenantView current(
            @Parameter(description = "Wait for at least this tenant version (read your own writes)")
            @RequestHeader(value = "X-Min-Version", required = false) Long minVersion) {
        AuthenticatedUser user = Authentication.currentUser();
        if (user.tenantId() == null) {
            throw ApiProblem.notFound("tenant-not-found", "A superadmin has no current tenant; name one with "
                    + "X-Tenant-Id.").with("tried", "token");
        }
        return awaitVersion(user.tenantId(), minVersion == null ? 0 : minVersion);
    }

    private TenantView awaitVersion(String tenantId, long minVersion) {
        FindTenantQuery query = new FindTenantQuery(tenantId, minVersion);
        try (SubscriptionQueryResult<TenantView, TenantView> result = queries.subscriptionQuery(query,
                ResponseTypes.instanceOf(TenantView.class), ResponseTypes.instanceOf(TenantView.class))) {
            TenantView view = result.initialResult().concatWith(result.updates())
                    .filter(candidate -> candidate.version() >= minVersion)
                    .blockFirst(readYourWritesTimeout);
            if (view == null) {
                throw lagging();
            }
            return view;
        } catch (IllegalStateException timeout) {
            throw lagging();
        }
    }

    private static ApiProblem lagging() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-lagging", "Not caught up yet",
                "The read model has not reached the requested version yet; retry shortly.")
                .with("retryAfterSeconds", 1);
    }
}
