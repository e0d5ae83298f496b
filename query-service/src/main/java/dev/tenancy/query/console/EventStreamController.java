package dev.tenancy.query.console;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.FieldErrors;
import dev.tenancy.query.audit.FilterParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;

/** A live tail of the event store for the superadmin, as server-sent events. */
@RestController
@RequiresRole(Role.SUPERADMIN)
public class EventStreamController {

    private final EventTail tail;

    public EventStreamController(EventTail tail) {
        this.tail = tail;
    }

    @GetMapping(path = "/api/v1/admin/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live tail of the event store as server-sent events (superadmin)", description = "Each "
            + "new stored event the filters select is sent as 'event: event', 'id: <event id>', data the event as "
            + "/api/v1/admin/events/{eventId} answers it, oldest first. Without from, only events stored after the "
            + "stream opened; with from, everything since then first. The store is polled (every 500 ms by "
            + "default); comments keep an idle stream alive.")
    public SseEmitter stream(@Parameter(description = EventConsoleController.TENANT_ID)
                             @RequestParam(required = false) String tenantId,
                             @RequestParam(required = false) String aggregateId,
                             @Parameter(description = EventConsoleController.TYPE)
                             @RequestParam(required = false) String type,
                             @Parameter(description = EventConsoleController.ACTOR)
                             @RequestParam(required = false) String actor,
                             @Parameter(description = "Only events of this correlation id")
                             @RequestParam(required = false) String correlationId,
                             @Parameter(description = "Start from this ISO-8601 instant instead of now")
                             @RequestParam(required = false) String from,
                             @Parameter(description = EventConsoleController.Q)
                             @RequestParam(required = false) String q) {
        FieldErrors errors = new FieldErrors();
        EventFilter filter = ConsoleParameters.filter(tenantId, aggregateId, type, actor, correlationId, null, null,
                q, errors);
        Instant start = FilterParameters.instant("from", from, errors);
        errors.throwIfAny();
        return tail.start(filter, start);
    }
}
