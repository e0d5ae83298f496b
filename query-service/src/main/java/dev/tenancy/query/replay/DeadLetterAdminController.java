package dev.tenancy.query.replay;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Events a projection failed on, parked per tenant; retried or given up on by a superadmin. */
@RestController
@RequestMapping("/api/v1/admin/dead-letters")
@RequiresRole(Role.SUPERADMIN)
public class DeadLetterAdminController {

    private final DeadLetterAdmin deadLetters;

    DeadLetterAdminController(DeadLetterAdmin deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Parked events, by processing group and sequence (superadmin)", description = "A sequence "
            + "is one tenant's events (by aggregate id): the first failed, the later ones wait behind it while other "
            + "tenants keep being projected. Unknown groups are 404 projection-not-found.")
    public DeadLetterList list(@Parameter(description = "Only this processing group")
                               @RequestParam(required = false) String group) {
        return deadLetters.list(group == null || group.isBlank() ? null : group.trim());
    }

    @PostMapping("/{group}/{sequenceId}/retry")
    @Operation(summary = "Retry a parked sequence (superadmin)", description = "Hands its events to the group's "
            + "handlers again, in order; those handled leave the queue, the first to fail stays with its new cause. "
            + "404 dead-letter-not-found when the sequence has nothing parked.")
    public RetryResult retry(@PathVariable String group, @PathVariable String sequenceId) {
        return deadLetters.retry(group, sequenceId);
    }

    @DeleteMapping("/{group}/{sequenceId}")
    @Operation(summary = "Evict a parked sequence (superadmin)", description = "Its events are given up on: the read "
            + "model stays without them (rebuild the tenant's slice to restore them). 204; 404 dead-letter-not-found.")
    public ResponseEntity<Void> evict(@PathVariable String group, @PathVariable String sequenceId) {
        deadLetters.evict(group, sequenceId);
        return ResponseEntity.noContent().build();
    }
}
