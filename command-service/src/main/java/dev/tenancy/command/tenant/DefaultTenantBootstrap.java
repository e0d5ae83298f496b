package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.command.CreateTenantCommand;
import dev.tenancy.platform.context.CallContext;
import dev.tenancy.platform.context.CallContextHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Single-tenant mode ({@code ENABLE_MULTI_TENANT=false}): every request belongs to the tenant of
 * {@code DEFAULT_TENANT_SLUG}, so it must exist. Created once, by the system actor, on the top plan; the slug
 * registry's unique key makes a second instance starting at the same time lose quietly instead of creating another.
 */
@Component
@ConditionalOnProperty(name = "tenancy.multi-tenant", havingValue = "false")
public class DefaultTenantBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DefaultTenantBootstrap.class);

    private final SlugRegistry slugs;
    private final CommandGateway commands;
    private final String slug;

    public DefaultTenantBootstrap(SlugRegistry slugs, CommandGateway commands,
                                  @Value("${tenancy.default-tenant-slug}") String slug) {
        this.slugs = slugs;
        this.commands = commands;
        this.slug = slug;
    }

    @Override
    public void run(ApplicationArguments args) {
        var existing = slugs.tenantOf(slug);
        if (existing.isPresent()) {
            log.info("Single-tenant mode: default tenant '{}' is {}", slug, existing.get());
            return;
        }
        String tenantId = TenantId.generate().value();
        try {
            CallContextHolder.callAs(CallContext.system(tenantId), () -> commands.sendAndWait(
                    new CreateTenantCommand(tenantId, "Default", slug, Plan.ENTERPRISE, null, null)));
            log.info("Single-tenant mode: created default tenant '{}' ({})", slug, tenantId);
        } catch (SlugAlreadyTakenException e) {
            log.info("Single-tenant mode: default tenant '{}' was created by another instance", slug);
        }
    }
}
