package dev.tenancy.command;

import dev.tenancy.command.tenant.SlugAlreadyTakenException;
import dev.tenancy.command.tenant.TenantRuleViolation;
import dev.tenancy.command.usage.LimitExceededException;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.ProblemMapping;
import org.axonframework.modelling.command.AggregateEntityNotFoundException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The problem types of the command side's rule violations, and of Axon's own refusals: a command for a tenant that
 * was never created ({@link AggregateNotFoundException}) or for a domain the tenant does not have (Axon finds no
 * entity to forward it to: {@link AggregateEntityNotFoundException}, which only domains can cause). A usage report
 * refused by the tenant's limit is 409 {@code limit-exceeded}, with the limit, the current use and the request.
 */
@Component
public class CommandProblems implements ProblemMapping {

    @Override
    public Optional<ApiProblem> map(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<ApiProblem> problem = mapOne(cause);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<ApiProblem> mapOne(Throwable failure) {
        if (failure instanceof SlugAlreadyTakenException taken) {
            return Optional.of(new ApiProblem(HttpStatus.CONFLICT, "slug-taken", "Slug taken", taken.getMessage())
                    .with("errors", List.of(Map.of("field", "slug", "message", taken.getMessage()))));
        }
        if (failure instanceof LimitExceededException exceeded) {
            ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, "limit-exceeded", "Limit exceeded",
                    exceeded.getMessage());
            exceeded.members().forEach(problem::with);
            return Optional.of(problem);
        }
        if (failure instanceof TenantRuleViolation violation) {
            ApiProblem problem = new ApiProblem(status(violation.kind()), violation.code(), title(violation.kind()),
                    violation.getMessage());
            violation.details().forEach(problem::with);
            return Optional.of(problem);
        }
        if (failure instanceof AggregateEntityNotFoundException) {
            return Optional.of(ApiProblem.notFound("domain-not-found", "The tenant has no such domain."));
        }
        if (failure instanceof AggregateNotFoundException) {
            return Optional.of(ApiProblem.notFound("tenant-not-found", "The tenant does not exist."));
        }
        return Optional.empty();
    }

    private static HttpStatus status(TenantRuleViolation.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }

    private static String title(TenantRuleViolation.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> "Not found";
            case FORBIDDEN -> "Not allowed";
            case CONFLICT -> "Conflict";
            case INVALID -> "Invalid request";
        };
    }
}
