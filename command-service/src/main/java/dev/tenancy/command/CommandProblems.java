package dev.tenancy.command;

import dev.tenancy.command.tenant.SlugAlreadyTakenException;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.ProblemMapping;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The problem types of the command side's rule violations. */
@Component
public class CommandProblems implements ProblemMapping {

    @Override
    public Optional<ApiProblem> map(Throwable failure) {
        if (failure instanceof SlugAlreadyTakenException taken) {
            return Optional.of(new ApiProblem(HttpStatus.CONFLICT, "slug-taken", "Slug taken", taken.getMessage())
                    .with("errors", List.of(Map.of("field", "slug", "message", taken.getMessage()))));
        }
        return Optional.empty();
    }
}
