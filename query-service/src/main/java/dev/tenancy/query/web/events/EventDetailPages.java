package dev.tenancy.query.web.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.query.console.AggregateHistory;
import dev.tenancy.query.console.CorrelationTrace;
import dev.tenancy.query.console.EventConsoleController;
import dev.tenancy.query.console.StoredEvent;
import dev.tenancy.query.web.ConsolePage;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** One event with its payload and metadata, everything its correlation id caused, and its aggregate's timeline. */
@Controller
@ConsolePage
@PeopleOnly
@RequiresRole(Role.SUPERADMIN)
@Hidden
public class EventDetailPages {

    private static final ObjectWriter PRETTY = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private final EventConsoleController events;

    public EventDetailPages(EventConsoleController events) {
        this.events = events;
    }

    @GetMapping("/dashboard/events/{eventId}")
    public String event(@PathVariable String eventId, Model model) {
        StoredEvent event = ConsoleReads.read(() -> events.event(eventId));
        model.addAttribute("event", event);
        model.addAttribute("row", EventRow.of(event));
        model.addAttribute("payload", pretty(event.payload()));
        model.addAttribute("metadata", pretty(event.metadata()));
        return "dashboard/events/detail";
    }

    @GetMapping("/dashboard/events/correlations/{correlationId}")
    public String correlation(@PathVariable String correlationId, Model model) {
        CorrelationTrace trace = ConsoleReads.read(() -> events.correlation(correlationId));
        model.addAttribute("trace", trace);
        model.addAttribute("rows", trace.items().stream().map(EventRow::of).toList());
        return "dashboard/events/correlation";
    }

    @GetMapping("/dashboard/events/aggregates/{aggregateId}")
    public String aggregate(@PathVariable String aggregateId,
                            @RequestParam(required = false) String fromSequence,
                            @RequestParam(required = false) String size,
                            Model model) {
        AggregateHistory history = ConsoleReads.read(() -> events.history(aggregateId, fromSequence, null, size));
        model.addAttribute("history", history);
        model.addAttribute("rows", history.items().stream().map(EventRow::of).toList());
        model.addAttribute("laterUrl", history.nextFromSequence() == null ? null
                : later(history.aggregateId(), history.nextFromSequence(), size));
        model.addAttribute("timeTravel", EventRow.TIME_TRAVEL_AGGREGATE.equals(history.aggregateType()));
        return "dashboard/events/aggregate";
    }

    private static String later(String aggregateId, long next, String size) {
        String path = "/dashboard/events/aggregates/" + URLEncoder.encode(aggregateId, StandardCharsets.UTF_8)
                + "?fromSequence=" + next;
        return size == null || size.isBlank() ? path
                : path + "&size=" + URLEncoder.encode(size.trim(), StandardCharsets.UTF_8);
    }

    static String pretty(JsonNode json) {
        if (json == null || json.isNull()) {
            return "null";
        }
        try {
            return PRETTY.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            return json.toString();
        }
    }
}
