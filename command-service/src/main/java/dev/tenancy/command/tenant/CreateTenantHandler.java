package dev.tenancy.command.tenant;

import dev.tenancy.api.metadata.ActorKind;
import dev.tenancy.api.metadata.MetadataKeys;
import dev.tenancy.api.tenant.TenantId;
import dev.tenancy.api.tenant.command.CreateTenantCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Creates tenants. The slug is claimed before the aggregate's events are stored and released if storing fails, so
 * no two tenants ever hold one slug, even under concurrent signups on several instances.
 */
@Component
public class CreateTenantHandler {

    private final Repository<TenantAggregate> repository;
    private final SlugRegistry slugs;
    private final Clock clock;

    public CreateTenantHandler(Repository<TenantAggregate> repository, SlugRegistry slugs, Clock clock) {
        this.repository = repository;
        this.slugs = slugs;
        this.clock = clock;
    }

    /** Answers the new aggregate's version, which a client passes on to read its own write. */
    @CommandHandler
    public long handle(CreateTenantCommand command, @MetaDataValue(MetadataKeys.ACTOR_KIND) String actorKind)
            throws Exception {
        // Only the platform itself (single-tenant mode's default tenant) may take a reserved slug.
        boolean bySystem = ActorKind.SYSTEM.name().equals(actorKind);
        var violation = bySystem ? SlugPolicy.violationIgnoringReservation(command.slug())
                : SlugPolicy.violation(command.slug());
        violation.ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        TenantId tenantId = TenantId.of(command.tenantId());
        slugs.claim(command.slug(), tenantId);
        CurrentUnitOfWork.get().onRollback(unitOfWork -> slugs.release(command.slug(), tenantId));
        Aggregate<TenantAggregate> tenant = repository.newInstance(() -> new TenantAggregate(command, clock.instant()));
        return tenant.version();
    }
}
