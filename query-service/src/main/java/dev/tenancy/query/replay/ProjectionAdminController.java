package dev.tenancy.query.replay;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.DeletedTenantVisibleToSuperadmins;
import dev.tenancy.platform.web.FieldErrors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Rebuilding this service's read models from the event store, and watching them catch up (superadmin). */
@RestController
@RequestMapping("/api/v1/admin/projections")
@RequiresRole(Role.SUPERADMIN)
public class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;
    private final ProjectionProgress progress;
    private final ReplayProperties properties;

    ProjectionAdminController(ProjectionRebuilds rebuilds, ProjectionProgress progress, ReplayProperties properties) {
        this.rebuilds = rebuilds;
        this.progress = progress;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "Every projection (processing group) with its progress (superadmin)", description = "Per "
            + "group: LIVE or REBUILDING, events done of all stored events, percent, rate (events/s), ETA, and per "
            + "segment its position and lag (events and seconds behind the newest event); the running and the last "
            + "rebuild with the same figures; the number of dead letters.")
    public ProjectionList projections() {
        return progress.all();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One projection with its progress (superadmin)",
            description = "Unknown names are 404 projection-not-found.")
    public ProjectionView projection(@PathVariable String name) {
        return progress.one(name);
    }

    @PostMapping("/{name}/rebuild")
    @DeletedTenantVisibleToSuperadmins
    @Operation(summary = "Rebuild a projection from the start of the event store (superadmin)", description = "202 "
            + "with the rebuild's id. Without tenant: a second processor projects every event into new collections "
            + "while the live ones stay served, and readers are switched to them once it has caught up. With tenant: "
            + "that tenant's documents are deleted and its events applied again, other tenants untouched (deleted "
            + "tenants too: their history stays in the store). 404 "
            + "projection-not-found, 409 rebuild-running while one runs, 409 projection-not-rebuildable.")
    public ResponseEntity<RebuildAccepted> rebuild(
            @PathVariable String name,
            @Parameter(description = "Rebuild only this tenant's documents (its id or slug)")
            @RequestParam(required = false) String tenant,
            @Parameter(description = "Segments (threads) of the rebuild's processor, 1 to the configured maximum; "
                    + "default from tenancy.replay.segments") @RequestParam(required = false) String segments,
            @Parameter(description = "Events per unit of work, 1-10000; default from tenancy.replay.batch-size")
            @RequestParam(required = false) String batchSize,
            @Parameter(description = "Events read from the store per query, 1-10000; default from "
                    + "tenancy.replay.fetch-size") @RequestParam(required = false) String fetchSize,
            @Parameter(description = "pooled or tracking; default from tenancy.replay.processor")
            @RequestParam(required = false) String processor,
            @Parameter(description = "true: read the history up to now in one pass into a write-behind cache first, "
                    + "then let the processor take over; false: the processor replays everything; default from "
                    + "tenancy.replay.bulk") @RequestParam(required = false) String bulk,
            HttpServletRequest request) {
        FieldErrors errors = new FieldErrors();
        int threads = whole("segments", segments, properties.segments(), properties.maxSegments(), errors);
        int batch = whole("batchSize", batchSize, properties.batchSize(), 10_000, errors);
        int fetch = whole("fetchSize", fetchSize, properties.fetchSize(), 10_000, errors);
        String kind = processor == null ? properties.processor() : processor.trim();
        if (!ReplayProperties.POOLED.equals(kind) && !ReplayProperties.TRACKING.equals(kind)) {
            errors.add("processor", "processor must be pooled or tracking");
        }
        boolean bulkPass = properties.bulk();
        if (bulk != null) {
            String flag = bulk.trim();
            if (flag.equals("true") || flag.equals("false")) {
                bulkPass = Boolean.parseBoolean(flag);
            } else {
                errors.add("bulk", "bulk must be true or false");
            }
        }
        if (tenant != null && tenant.isBlank()) {
            errors.add("tenant", "tenant must name a tenant");
        }
        errors.throwIfAny();
        Rebuild rebuild;
        String tenantId = null;
        if (tenant == null) {
            rebuild = rebuilds.rebuild(name, new RebuildOptions(kind, threads, batch, fetch, bulkPass));
        } else {
            // the platform resolved ?tenant= (id or slug) already and refused unknown tenants; deleted ones keep
            // their history, so their slice can be rebuilt
            tenantId = CurrentTenant.find(request).map(ref -> ref.id()).orElse(tenant.trim());
            rebuild = rebuilds.rebuildTenant(name, tenantId);
        }
        URI status = URI.create("/api/v1/admin/projections/" + name);
        return ResponseEntity.accepted().location(status)
                .body(new RebuildAccepted(rebuild.id(), name, rebuild.kind(), tenantId, status.toString()));
    }

    private static int whole(String field, String value, int fallback, int max, FieldErrors errors) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below with the field's rule
        }
        errors.add(field, field + " must be a whole number from 1 to " + max);
        return fallback;
    }
}
