package dev.tenancy.query.tenant;

import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.query.FindTenantDetailsQuery;
import dev.tenancy.api.tenant.query.FindTenantQuery;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.tenant.query.TenantView;
import dev.tenancy.platform.security.AuthenticatedUser;
import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.TenantRef;
import dev.tenancy.platform.web.ApiProblem;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;


/**
 * Reads one tenant for its own routes, reading your own writes: the answer waits (a subscription query, no polling)
 * until the read model has reached the version a command answered with, or says 503 read-model-lagging.
 */
@Component
public class TenantReads {

    public static final String MIN_VERSION_HEADER = "X-Min-Version";

    private final QueryGateway queries;
    private final ReadYourWrites reads;

    public TenantReads(QueryGateway queries, ReadYourWrites reads) {
        this.queries = queries;
        this.reads = reads;
    }

    /**
     * The id of the tenant the request was resolved to. A token names a tenant that exists, but one just signed up
     * may not be projected yet, so the platform resolves none: then it is the token's, and reading waits for it.
     */
    public static String currentTenantId() {
        return CurrentTenant.find().map(TenantRef::id).orElseGet(() -> {
            var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
            String tokenTenant = Authentication.user(request).map(AuthenticatedUser::tenantId).orElse(null);
            return tokenTenant != null ? tokenTenant : CurrentTenant.get().id();
        });
    }

    /** The X-Min-Version header: absent means 0 (the tenant exists), anything but a whole number 0+ is refused. */
    public static long minVersion(String header) {
        if (header == null) {
            return 0;
        }
        try {
            long version = Long.parseLong(header.trim());
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // refused below, naming the header
        }
        throw ApiProblem.badRequest(MIN_VERSION_HEADER, MIN_VERSION_HEADER + " must be a whole number of 0 or more");
    }

    /** The tenant at {@code minVersion} or later; a deleted tenant is not found. */
    public TenantView await(String tenantId, long minVersion) {
        TenantView view = reads.await(new FindTenantQuery(tenantId, minVersion), TenantView.class, TenantView::version,
                minVersion);
        return live(view.status(), view);
    }

    /** Everything known of the tenant, once the read model has reached {@code minVersion}. */
    public TenantDetailsView awaitDetails(String tenantId, long minVersion) {
        await(tenantId, minVersion);
        TenantDetailsView details = queries.query(new FindTenantDetailsQuery(tenantId),
                ResponseTypes.instanceOf(TenantDetailsView.class)).join();
        if (details == null) {
            throw notFound();
        }
        return live(details.status(), details);
    }

    public static ApiProblem notFound() {
        return ApiProblem.notFound("tenant-not-found", "The tenant does not exist or has been deleted.");
    }

    private static <T> T live(TenantStatus status, T view) {
        if (status == TenantStatus.DELETED) {
            throw notFound();
        }
        return view;
    }

    public static ApiProblem lagging() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-lagging", "Not caught up yet",
                "The read model has not reached the requested version yet; retry shortly.")
                .with("retryAfterSeconds", 1);
    }
}
