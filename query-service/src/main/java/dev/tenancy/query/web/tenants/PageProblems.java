package dev.tenancy.query.web.tenants;

import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.query.tenant.TenantReads;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A refused parameter on a page: the error page shows only the problem's detail, which for a validation problem
 * merely names the fields, so the detail becomes the reasons themselves.
 */
final class PageProblems {

    private PageProblems() {
    }

    static ApiProblem withReasons(ApiProblem problem) {
        if (!(problem.properties().get("errors") instanceof List<?> errors) || errors.isEmpty()) {
            return problem;
        }
        String reasons = errors.stream().filter(Map.class::isInstance).map(error -> ((Map<?, ?>) error).get("message"))
                .map(String::valueOf).collect(Collectors.joining("; "));
        ApiProblem clearer = new ApiProblem(problem.status(), problem.code(), problem.title(), reasons + ".");
        problem.properties().forEach(clearer::with);
        return clearer;
    }

    /** The {@code ?v=} of a page: the version a change answered with, or 0. */
    static long minVersion(String v) {
        try {
            return TenantReads.minVersion(v);
        } catch (ApiProblem refused) {
            throw ApiProblem.badRequest("v", "v must be a whole number of 0 or more");
        }
    }
}
