package dev.tenancy.platform.web;

import java.util.Optional;

/** Lets a service name the problem type of its own exceptions without depending on HTTP in its domain code. */
@FunctionalInterface
public interface ProblemMapping {

    Optional<ApiProblem> map(Throwable failure);
}
