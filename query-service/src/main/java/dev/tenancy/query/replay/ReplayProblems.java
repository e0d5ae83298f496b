package dev.tenancy.query.replay;

import dev.tenancy.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The problems the replay routes answer with. */
final class ReplayProblems {

    private ReplayProblems() {
    }

    static ApiProblem projectionNotFound(String name) {
        return ApiProblem.notFound("projection-not-found", "This service has no processing group '" + name + "'.")
                .with("projection", name);
    }

    static ApiProblem rebuildRunning(String name, String rebuildId) {
        return new ApiProblem(HttpStatus.CONFLICT, "rebuild-running", "Conflict",
                "A rebuild of '" + name + "' is running already; one runs at a time.")
                .with("projection", name).with("rebuildId", rebuildId);
    }

    static ApiProblem notRebuildable(String name) {
        return new ApiProblem(HttpStatus.CONFLICT, "projection-not-rebuildable", "Conflict",
                "'" + name + "' does not declare its collections, so it cannot be rebuilt beside its live model "
                        + "(see docs/operations-replay.md).").with("projection", name);
    }

    static ApiProblem deadLetterNotFound(String group, String sequenceId) {
        return ApiProblem.notFound("dead-letter-not-found",
                        "'" + group + "' has no dead letters in sequence '" + sequenceId + "'.")
                .with("projection", group).with("sequenceId", sequenceId);
    }
}
