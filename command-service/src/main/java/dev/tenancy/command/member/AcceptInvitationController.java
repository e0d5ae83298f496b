package dev.tenancy.command.member;

import dev.tenancy.platform.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/invitations")
public class AcceptInvitationController {

    private final InvitationAcceptor acceptor;

    public AcceptInvitationController(InvitationAcceptor acceptor) {
        this.acceptor = acceptor;
    }

    @PublicEndpoint
    @PostMapping("/accept")
    @Operation(summary = "Accept an invitation", description = "Body {token, password}: the token from the "
            + "invitation and the new member's password (12 to 128 characters, see signup). Answers the new member; "
            + "they sign in with POST /api/v1/auth/login. A token admits one person: 410 invitation-used afterwards, "
            + "410 invitation-expired after its expiry, 404 invitation-not-found for an unknown token.")
    public ResponseEntity<AcceptedInvitationResponse> accept(@RequestBody AcceptInvitationRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(acceptor.accept(request));
    }
}
