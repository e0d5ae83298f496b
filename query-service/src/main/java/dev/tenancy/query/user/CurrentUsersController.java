package dev.tenancy.query.user;

import dev.tenancy.api.user.Role;
import dev.tenancy.api.user.query.TenantUsersView;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.tenancy.query.tenant.TenantReads.MIN_VERSION_HEADER;

/** Who belongs to the current tenant, and who is invited: for every member of the tenant. */
@RestController
@RequestMapping("/api/v1/tenants/current")
@RequiresRole({Role.OWNER, Role.ADMIN, Role.MEMBER, Role.SUPERADMIN})
public class CurrentUsersController {

    private final UserReads reads;

    public CurrentUsersController(UserReads reads) {
        this.reads = reads;
    }

    @GetMapping("/users")
    @Operation(summary = "The current tenant's users and open invitations", description = "users: userId, email, "
            + "role, joinedAt (oldest first). invitations: id, email, role, invitedAt, expiresAt and status "
            + "(pending, or expired once expiresAt has passed); accepted invitations and those whose expiry was "
            + "recorded leave the list. Takes X-Min-Version and waits until the users model reached it.")
    public TenantUsersResponse users(@Parameter(description = "Wait for at least this tenant version (read your "
            + "own writes)") @RequestHeader(value = MIN_VERSION_HEADER, required = false) String minVersion) {
        TenantUsersView view = reads.await(TenantReads.currentTenantId(), TenantReads.minVersion(minVersion));
        return new TenantUsersResponse(view.users(), view.invitations());
    }
}
