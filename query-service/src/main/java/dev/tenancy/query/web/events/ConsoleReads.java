package dev.tenancy.query.web.events;

import dev.tenancy.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The console pages read through the superadmin REST controllers, so a page validates and answers exactly as its
 * API does. Only a refused parameter is reworded: the error page shows one line, so it names every field's rule.
 */
final class ConsoleReads {

    private static final String VALIDATION_FAILED = "validation-failed";

    private ConsoleReads() {
    }

    static <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (ApiProblem problem) {
            throw readable(problem);
        }
    }

    static ApiProblem readable(ApiProblem problem) {
        if (!VALIDATION_FAILED.equals(problem.code()) || !(problem.properties().get("errors") instanceof List<?> errors)
                || errors.isEmpty()) {
            return problem;
        }
        String rules = errors.stream().filter(Map.class::isInstance).map(error -> ((Map<?, ?>) error).get("message"))
                .map(String::valueOf).collect(Collectors.joining("; "));
        return new ApiProblem(HttpStatus.BAD_REQUEST, VALIDATION_FAILED, "Invalid filter", rules + ".")
                .with("errors", errors);
    }
}
