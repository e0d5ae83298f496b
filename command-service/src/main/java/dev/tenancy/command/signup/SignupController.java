package dev.tenancy.command.signup;

import dev.tenancy.platform.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/tenants")
public class SignupController {

    private final SignupService signups;

    public SignupController(SignupService signups) {
        this.signups = signups;
    }

    @PublicEndpoint
    @PostMapping("/signup")
    @Operation(summary = "Sign a new organisation up", description = "Creates the tenant (plan defaults to FREE) and "
            + "its owner, and answers an access token for the owner. 400 names each invalid field; 409 slug-taken.")
    public ResponseEntity<SignupResponse> signup(@RequestBody SignupRequest request) {
        SignupResponse response = signups.signup(request);
        return ResponseEntity.created(URI.create("/api/v1/tenants/current"))
                .header("X-Tenant-Version", Long.toString(response.version()))
                .body(response);
    }
}
