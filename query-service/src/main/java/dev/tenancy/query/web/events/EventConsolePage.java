package dev.tenancy.query.web.events;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.query.console.EventConsoleController;
import dev.tenancy.query.console.EventPage;
import dev.tenancy.query.web.ConsolePage;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.List;

/**
 * The superadmin's event console: the event store searched newest first, paged by key, with a live tail
 * (events.js on the SSE route) that adds new events on top. Every filter is checked by the REST search itself.
 */
@Controller
@ConsolePage
@PeopleOnly
@RequiresRole(Role.SUPERADMIN)
@Hidden
public class EventConsolePage {

    private final EventConsoleController events;

    public EventConsolePage(EventConsoleController events) {
        this.events = events;
    }

    @GetMapping("/dashboard/events")
    public String search(@RequestParam(required = false) String tenantId,
                         @RequestParam(required = false) String aggregateId,
                         @RequestParam(required = false) String type,
                         @RequestParam(required = false) String actor,
                         @RequestParam(required = false) String correlationId,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) String q,
                         @RequestParam(required = false) String cursor,
                         @RequestParam(required = false) String size,
                         Model model) {
        EventSearch search = new EventSearch(tenantId, aggregateId, type, actor, correlationId, from, to, q, size);
        EventPage page = ConsoleReads.read(() -> events.events(tenantId, aggregateId, type, actor, correlationId,
                from, to, q, cursor, size));
        List<EventRow> rows = page.items().stream().map(EventRow::of).toList();
        boolean first = cursor == null || cursor.isBlank();
        model.addAttribute("search", search);
        model.addAttribute("filtered", search.any());
        model.addAttribute("rows", rows);
        model.addAttribute("firstPage", first);
        model.addAttribute("newestUrl", search.page(null));
        model.addAttribute("olderUrl", page.nextCursor() == null ? null : search.page(page.nextCursor()));
        model.addAttribute("streamUrl", search.stream());
        model.addAttribute("liveSince", liveSince(rows, to));
        return "dashboard/events/list";
    }

    /**
     * Where the live tail starts: at the newest listed event, so nothing stored between this page's search and the
     * stream's opening is missed (events.js drops the repeated one); with an upper time bound or nothing listed,
     * at this moment.
     */
    private static Instant liveSince(List<EventRow> rows, String to) {
        boolean bounded = to != null && !to.isBlank();
        return rows.isEmpty() || bounded ? Instant.now() : rows.get(0).timestamp();
    }
}
