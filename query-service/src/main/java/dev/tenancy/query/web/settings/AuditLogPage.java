package dev.tenancy.query.web.settings;

import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.query.audit.AuditController;
import dev.tenancy.query.audit.AuditPage;
import dev.tenancy.query.web.ConsolePage;
import dev.tenancy.query.web.TenantPageSupport;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Settings, Audit log section, for owners and admins like {@code GET /api/v1/audit}, whose handler it reads through:
 * the same filters, the same validation, the same keyset pages. The filters travel as query parameters, so a filtered
 * view is a link; the export links hand them to the REST export, which the session cookie authenticates as a GET.
 */
@Controller
@ConsolePage
@PeopleOnly
@AllowedWhenSuspended
@RequiresRole({Role.OWNER, Role.ADMIN})
@Hidden
public class AuditLogPage {

    static final String PATH = "/dashboard/tenant/settings/audit";
    static final String EXPORT = "/api/v1/audit/export";

    private final TenantPageSupport pages;
    private final AuditController audit;

    public AuditLogPage(TenantPageSupport pages, AuditController audit) {
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping(PATH)
    public String audit(@RequestParam(name = "v", required = false) String version,
                        @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                        @RequestParam(required = false) String type,
                        @RequestParam(required = false) String correlationId,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                        @RequestParam(required = false) String size, Model model) {
        TenantDetailsView tenant = pages.prepare(version, model);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("actor", actor);
        filters.put("action", action);
        filters.put("type", type);
        filters.put("correlationId", correlationId);
        filters.put("from", from);
        filters.put("to", to);
        filters.put("q", q);
        AuditPage page = read(filters, cursor, size);
        Map<String, String> paging = new LinkedHashMap<>(filters);
        paging.put("size", size);
        model.addAttribute("filters", filters);
        model.addAttribute("filtered", filters.values().stream().anyMatch(value -> value != null && !value.isBlank()));
        model.addAttribute("entries", page.items());
        model.addAttribute("olderUrl",
                page.nextCursor() == null ? null : link(PATH, paging, "cursor", page.nextCursor()));
        model.addAttribute("newestUrl", cursor == null || cursor.isBlank() ? null : link(PATH, paging, null, null));
        model.addAttribute("csvUrl", link(EXPORT, filters, "format", "csv"));
        model.addAttribute("jsonUrl", link(EXPORT, filters, "format", "json"));
        model.addAttribute("times", TenantTimes.of(tenant));
        return "dashboard/settings/audit";
    }

    private AuditPage read(Map<String, String> f, String cursor, String size) {
        try {
            return audit.list(f.get("actor"), f.get("type"), f.get("action"), f.get("correlationId"), null,
                    f.get("from"), f.get("to"), f.get("q"), cursor, size);
        } catch (ApiProblem problem) {
            throw PageProblems.withReasons(problem);
        }
    }

    /** Every value fully percent-encoded: a cursor's {@code +} must not arrive as a space. */
    static String link(String path, Map<String, String> parameters, String extraName, String extraValue) {
        Map<String, String> query = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                query.put(name, value.trim());
            }
        });
        if (extraName != null) {
            query.put(extraName, extraValue);
        }
        String encoded = query.entrySet().stream().map(parameter -> parameter.getKey() + "="
                + UriUtils.encode(parameter.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return encoded.isEmpty() ? path : path + "?" + encoded;
    }
}
