package dev.tenancy.command.signup;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.command.CreateTenantCommand;
import dev.tenancy.api.user.Role;
import dev.tenancy.command.identity.Credential;
import dev.tenancy.command.identity.CredentialStore;
import dev.tenancy.command.identity.Passwords;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import dev.tenancy.platform.security.AccessTokens;
import dev.tenancy.platform.security.AuthenticatedUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Signs an organisation up. The owner's credential is stored first and removed again if the tenant is not created,
 * so the password hash never has to travel in a command or event.
 */
@Service
public class SignupService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignupService.class);

    private final CommandGateway commands;
    private final CredentialStore credentials;
    private final Passwords passwords;
    private final AccessTokens tokens;

    public SignupService(CommandGateway commands, CredentialStore credentials, Passwords passwords,
                         AccessTokens tokens) {
        this.commands = commands;
        this.credentials = credentials;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    public SignupResponse signup(SignupRequest request) {
        request.validate();
        TenantId tenantId = TenantId.generate();
        String ownerId = UUID.randomUUID().toString();
        String email = CredentialStore.normalizeEmail(request.ownerEmail());
        credentials.add(new Credential(ownerId, tenantId.value(), email, passwords.hash(request.ownerPassword()),
                Role.OWNER));
        CallContext asOwner = CallContextHolder.current().orElseThrow()
                .withTenant(tenantId.value())
                .withActor(ownerId, ActorKind.USER, Role.OWNER.name(), null);
        long version;
        try {
            version = CallContextHolder.callAs(asOwner, () -> {
                long created = commands.<Long>sendAndWait(new CreateTenantCommand(tenantId.value(),
                        request.name().trim(), request.slug(), request.chosenPlan(), ownerId, email));
                log.info("Tenant '{}' signed up on plan {}", request.slug(), request.chosenPlan());
                return created;
            });
        } catch (RuntimeException e) {
            credentials.remove(ownerId);
            throw e;
        }
        String token = tokens.issue(new AuthenticatedUser(ownerId, tenantId.value(), Role.OWNER, null));
        return new SignupResponse(tenantId.value(), request.slug(), ownerId, token, "Bearer", tokens.ttlSeconds(),
                version);
    }
}
