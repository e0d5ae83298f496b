package dev.tenancy.query.console;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.tenant.DeletedTenantVisibleToSuperadmins;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.FieldErrors;
import dev.tenancy.query.audit.AuditEntry;
import dev.tenancy.query.audit.AuditStore;
import dev.tenancy.query.audit.FilterParameters;
import dev.tenancy.query.audit.KeysetCursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Optional;

/** The superadmin's event console: the event store itself, read only. */
@RestController
@RequestMapping("/api/v1/admin")
@RequiresRole(Role.SUPERADMIN)
@DeletedTenantVisibleToSuperadmins
public class EventConsoleController {

    static final String TENANT_ID = "A tenant id, deleted tenants too (or name the tenant with ?tenant= / "
            + "X-Tenant-Id: id or slug of a live tenant)";
    static final String TYPE = "Event type: full class name or simple name, e.g. PlanChangedEvent";
    static final String ACTOR = "Only events this actor id caused, directly or as the superadmin behind an "
            + "impersonation (matched in the stored metadata)";
    static final String CORRELATION = "Only events of this correlation id (matched in the stored metadata: a scan; "
            + "/api/v1/admin/correlations/{correlationId} uses the audit index)";
    static final String Q = "Text in the payload's JSON (case-insensitive)";
    static final int MAX_TRACE = 1000;
    static final int DEFAULT_HISTORY = 100;
    static final int MAX_HISTORY = 1000;

    private final EventStoreReader store;
    private final AuditStore audit;

    public EventConsoleController(EventStoreReader store, AuditStore audit) {
        this.store = store;
        this.audit = audit;
    }

    @GetMapping("/events")
    @Operation(summary = "Search the event store (superadmin)", description = "Newest first (timestamp, then event "
            + "id), keyset paging with cursor/nextCursor. aggregateId and the time range use the store's indexes; "
            + "tenant, actor, correlationId and q match the serialized metadata and payload as text.")
    public EventPage events(@Parameter(description = TENANT_ID) @RequestParam(required = false) String tenantId,
                            @RequestParam(required = false) String aggregateId,
                            @Parameter(description = TYPE) @RequestParam(required = false) String type,
                            @Parameter(description = ACTOR) @RequestParam(required = false) String actor,
                            @Parameter(description = CORRELATION) @RequestParam(required = false)
                            String correlationId,
                            @Parameter(description = "From this ISO-8601 instant, inclusive")
                            @RequestParam(required = false) String from,
                            @Parameter(description = "Until this ISO-8601 instant, exclusive")
                            @RequestParam(required = false) String to,
                            @Parameter(description = Q) @RequestParam(required = false) String q,
                            @Parameter(description = "nextCursor of the previous page")
                            @RequestParam(required = false) String cursor,
                            @Parameter(description = "Events per page, 1-500, default 50")
                            @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        EventFilter filter = ConsoleParameters.filter(tenantId, aggregateId, type, actor, correlationId, from, to,
                q, errors);
        Optional<KeysetCursor> after = KeysetCursor.decode("cursor", cursor, errors);
        int pageSize = FilterParameters.size(size, errors);
        errors.throwIfAny();
        return store.page(filter, after, pageSize);
    }

    @GetMapping("/events/{eventId}")
    @Operation(summary = "One stored event with its payload and metadata (superadmin)",
            description = "Unknown ids are 404 not-found.")
    public StoredEvent event(@PathVariable String eventId) {
        FieldErrors errors = new FieldErrors();
        String id = FilterParameters.id("eventId", eventId, errors);
        errors.throwIfAny();
        return store.find(id).orElseThrow(() ->
                ApiProblem.notFound("not-found", "No event with id " + id + " is stored.").with("eventId", id));
    }

    @GetMapping("/correlations/{correlationId}")
    @Operation(summary = "Everything one correlation id caused, oldest first (superadmin)", description = "Found "
            + "through the audit read model's correlation index, then read from the store; events not projected "
            + "yet (usually under a second) are not listed. At most 1000; truncated says when there were more.")
    public CorrelationTrace correlation(@PathVariable String correlationId) {
        FieldErrors errors = new FieldErrors();
        String id = FilterParameters.id("correlationId", correlationId, errors);
        errors.throwIfAny();
        List<AuditEntry> rows = audit.correlation(id, MAX_TRACE + 1);
        List<AuditEntry> kept = rows.subList(0, Math.min(rows.size(), MAX_TRACE));
        return new CorrelationTrace(id, store.of(kept), rows.size() > MAX_TRACE);
    }

    @GetMapping("/aggregates/{aggregateId}/events")
    @Operation(summary = "One aggregate's events in sequence order (superadmin)", description = "From fromSequence "
            + "(default 0) to toSequence (inclusive, optional), at most size (1-1000, default 100); "
            + "nextFromSequence continues. An aggregate without events is 404 not-found.")
    public AggregateHistory history(@PathVariable String aggregateId,
                                    @RequestParam(required = false) String fromSequence,
                                    @RequestParam(required = false) String toSequence,
                                    @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        String id = FilterParameters.id("aggregateId", aggregateId, errors);
        long from = FilterParameters.whole("fromSequence", fromSequence, 0, 0, Integer.MAX_VALUE, errors);
        Long to = toSequence == null || toSequence.isBlank() ? null
                : (long) FilterParameters.whole("toSequence", toSequence, 0, 0, Integer.MAX_VALUE, errors);
        if (to != null && to < from) {
            errors.add("toSequence", "toSequence must not be below fromSequence");
        }
        int limit = FilterParameters.whole("size", size, DEFAULT_HISTORY, 1, MAX_HISTORY, errors);
        errors.throwIfAny();
        List<StoredEvent> found = store.history(id, from, to, limit + 1);
        if (found.isEmpty() && store.history(id, 0, null, 1).isEmpty()) {
            throw ApiProblem.notFound("not-found", "No aggregate " + id + " is stored.").with("aggregateId", id);
        }
        List<StoredEvent> items = found.subList(0, Math.min(limit, found.size()));
        Long next = found.size() > limit ? found.get(limit).sequence() : null;
        String type = items.isEmpty() ? store.history(id, 0, null, 1).get(0).aggregateType()
                : items.get(0).aggregateType();
        return new AggregateHistory(id, type, from, List.copyOf(items), next);
    }
}
