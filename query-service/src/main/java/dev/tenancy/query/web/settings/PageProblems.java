package dev.tenancy.query.web.settings;

import dev.tenancy.platform.web.ApiProblem;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Refusals of a page's query parameters, worded for the error page. */
final class PageProblems {

    private PageProblems() {
    }

    /**
     * The error page shows a problem's detail only, and a validation problem's detail just names the fields: this
     * one says what is wrong with each ("from must be an ISO-8601 instant, ...").
     */
    static ApiProblem withReasons(ApiProblem problem) {
        Object errors = problem.properties().get("errors");
        if (!(errors instanceof List<?> list) || list.isEmpty()) {
            return problem;
        }
        String reasons = list.stream().filter(Map.class::isInstance).map(error -> ((Map<?, ?>) error).get("message"))
                .filter(Objects::nonNull).map(Object::toString).reduce((a, b) -> a + "; " + b).orElse(null);
        if (reasons == null) {
            return problem;
        }
        ApiProblem explained = new ApiProblem(problem.status(), problem.code(), problem.title(), reasons + ".");
        problem.properties().forEach(explained::with);
        return explained;
    }
}
