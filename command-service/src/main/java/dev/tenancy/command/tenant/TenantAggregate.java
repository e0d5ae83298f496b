package dev.tenancy.command.tenant;

import dev.tenancy.api.plan.Limits;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.plan.PlanCatalog;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.command.CreateTenantCommand;
import dev.tenancy.api.tenant.event.TenantCreatedEvent;
import dev.tenancy.api.tenant.event.UserAddedEvent;
import dev.tenancy.api.user.Role;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One organisation: its plan, limits, lifecycle and members. Created by {@link CreateTenantHandler}. */
@Aggregate(snapshotTriggerDefinition = "tenantSnapshotTrigger")
public class TenantAggregate {

    @AggregateIdentifier
    private String tenantId;
    private String slug;
    private Plan plan;
    private Limits limits;
    private TenantStatus status;
    private Map<String, Role> members = new HashMap<>();

    protected TenantAggregate() {
    }

    TenantAggregate(CreateTenantCommand command, Instant now) {
        Plan chosen = command.plan() == null ? Plan.FREE : command.plan();
        apply(new TenantCreatedEvent(command.tenantId(), command.name(), command.slug(), chosen,
                PlanCatalog.terms(chosen).limits(), now));
        apply(new UserAddedEvent(command.tenantId(), command.ownerUserId(), command.ownerEmail(), Role.OWNER));
    }

    @EventSourcingHandler
    void on(TenantCreatedEvent event) {
        tenantId = event.tenantId();
        slug = event.slug();
        plan = event.plan();
        limits = event.limits();
        status = TenantStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(UserAddedEvent event) {
        members.put(event.userId(), event.role());
    }
}
