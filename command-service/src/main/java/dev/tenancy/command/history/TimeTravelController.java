package dev.tenancy.command.history;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Superadmins look at a tenant aggregate as it was: at a sequence number or at an instant. */
@RestController
@RequestMapping("/api/v1/admin/time-travel")
@RequiresRole(Role.SUPERADMIN)
public class TimeTravelController {

    private final AggregateTimeTravel timeTravel;

    public TimeTravelController(AggregateTimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    @GetMapping("/{aggregateId}")
    @Operation(summary = "Aggregate state in the past (superadmin)", description = "Exactly one of sequence (the "
            + "state after that event) or at (ISO-8601 instant: the state after the last event stored up to then). "
            + "Rebuilt by replaying the aggregate's events, never from a snapshot. 404 when the aggregate did not "
            + "exist yet (or at all).")
    public PastState state(@PathVariable("aggregateId") String aggregateId,
                           @RequestParam(name = "sequence", required = false) String sequence,
                           @RequestParam(name = "at", required = false) String at) {
        if ((sequence == null) == (at == null)) {
            throw ApiProblem.badRequest("sequence", "Give exactly one of 'sequence' or 'at'.");
        }
        Optional<PastState> state = sequence != null
                ? timeTravel.atSequence(aggregateId, parseSequence(sequence))
                : timeTravel.atInstant(aggregateId, parseInstant(at));
        return state.orElseThrow(() -> ApiProblem.notFound("aggregate-not-found",
                "Aggregate '" + aggregateId + "' had no events by then."));
    }

    private static long parseSequence(String value) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("sequence", "sequence must be a whole number, 0 or more");
        }
        throw ApiProblem.badRequest("sequence", "sequence must be a whole number, 0 or more");
    }

    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("at", "at must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
