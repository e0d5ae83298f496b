package dev.tenancy.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.FieldErrors;
import dev.tenancy.query.tenant.TenantReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The tenant's audit log, for its owners and admins (and superadmins naming the tenant the usual way). The tenant
 * is the one the platform resolved, which for a tenant user is always the token's: no parameter reaches another.
 */
@RestController
@RequestMapping("/api/v1/audit")
@RequiresRole({Role.OWNER, Role.ADMIN, Role.SUPERADMIN})
public class AuditController {

    private static final String ACTOR = "An actor id: what they did, directly or as the superadmin behind an "
            + "impersonation";
    private static final String TYPE = "Event type: full class name or simple name, e.g. UserInvitedEvent";
    private static final String ACTION = "Action in words, any case, e.g. 'User invited'";
    private static final String FROM = "From this ISO-8601 instant, inclusive";
    private static final String TO = "Until this ISO-8601 instant, exclusive";
    private static final String Q = "Text in the action, summary, target or changes (case-insensitive)";

    private final AuditStore store;
    private final ObjectMapper json;

    public AuditController(AuditStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "The tenant's audit log", description = "One row per event, newest first (time, then "
            + "event id). Keyset paging: pass nextCursor as cursor for the next page; null on the last. Every "
            + "invalid parameter is named in a 400 answer.")
    public AuditPage list(@Parameter(description = ACTOR) @RequestParam(required = false) String actor,
                          @Parameter(description = TYPE) @RequestParam(required = false) String type,
                          @Parameter(description = ACTION) @RequestParam(required = false) String action,
                          @RequestParam(required = false) String correlationId,
                          @RequestParam(required = false) String aggregateId,
                          @Parameter(description = FROM) @RequestParam(required = false) String from,
                          @Parameter(description = TO) @RequestParam(required = false) String to,
                          @Parameter(description = Q) @RequestParam(required = false) String q,
                          @Parameter(description = "nextCursor of the previous page")
                          @RequestParam(required = false) String cursor,
                          @Parameter(description = "Rows per page, 1-500, default 50")
                          @RequestParam(required = false) String size) {
        FieldErrors errors = new FieldErrors();
        AuditFilter filter = filter(actor, type, action, correlationId, aggregateId, from, to, q, errors);
        Optional<KeysetCursor> after = KeysetCursor.decode("cursor", cursor, errors);
        int pageSize = FilterParameters.size(size, errors);
        errors.throwIfAny();
        return store.page(filter, after, pageSize);
    }

    @GetMapping("/export")
    @Operation(summary = "Export the tenant's audit log", description = "Every row the same filters select, newest "
            + "first, streamed as an attachment: format=json (an array of the rows /api/v1/audit answers) or "
            + "format=csv (a header row, then one line per row; changes as 'field: old -> new; ...').")
    public void export(@Parameter(description = "json (default) or csv") @RequestParam(required = false)
                       String format,
                       @Parameter(description = ACTOR) @RequestParam(required = false) String actor,
                       @Parameter(description = TYPE) @RequestParam(required = false) String type,
                       @Parameter(description = ACTION) @RequestParam(required = false) String action,
                       @RequestParam(required = false) String correlationId,
                       @RequestParam(required = false) String aggregateId,
                       @Parameter(description = FROM) @RequestParam(required = false) String from,
                       @Parameter(description = TO) @RequestParam(required = false) String to,
                       @Parameter(description = Q) @RequestParam(required = false) String q,
                       HttpServletResponse response) throws IOException {
        FieldErrors errors = new FieldErrors();
        String chosen = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (!chosen.equals("json") && !chosen.equals("csv")) {
            errors.add("format", "format must be csv or json");
        }
        AuditFilter filter = filter(actor, type, action, correlationId, aggregateId, from, to, q, errors);
        errors.throwIfAny();

        String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("audit-" + filter.tenantId() + "-" + stamp + "." + chosen).build().toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(chosen.equals("csv") ? "text/csv;charset=UTF-8" : "application/json");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                StandardCharsets.UTF_8), 64 * 1024)) {
            if (chosen.equals("csv")) {
                AuditCsv csv = new AuditCsv(out);
                csv.header();
                store.forEach(filter, csv::row);
            } else {
                out.write("[");
                boolean[] first = {true};
                store.forEach(filter, entry -> {
                    try {
                        out.write(first[0] ? "\n" : ",\n");
                        out.write(json.writeValueAsString(entry));
                        first[0] = false;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.write("\n]\n");
            }
        }
    }

    private static AuditFilter filter(String actor, String type, String action, String correlationId,
                                      String aggregateId, String from, String to, String q, FieldErrors errors) {
        Instant fromInstant = FilterParameters.instant("from", from, errors);
        Instant toInstant = FilterParameters.instant("to", to, errors);
        FilterParameters.range(fromInstant, toInstant, errors);
        return new AuditFilter(TenantReads.currentTenantId(), FilterParameters.id("actor", actor, errors),
                FilterParameters.type("type", type, errors), FilterParameters.action("action", action, errors),
                FilterParameters.id("correlationId", correlationId, errors),
                FilterParameters.id("aggregateId", aggregateId, errors), fromInstant, toInstant,
                FilterParameters.text("q", q, errors));
    }
}
