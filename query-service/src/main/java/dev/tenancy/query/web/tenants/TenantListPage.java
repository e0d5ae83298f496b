package dev.tenancy.query.web.tenants;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.tenant.query.FindTenantsQuery;
import dev.tenancy.api.tenant.query.TenantPage;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.query.tenant.TenantSearchParameters;
import dev.tenancy.query.web.ConsolePage;
import io.swagger.v3.oas.annotations.Hidden;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every tenant, for superadmins: the same search as {@code GET /api/v1/tenants}, as a filter form, sortable columns
 * and pages. Parameters it refuses are refused exactly as the API refuses them, on the error page.
 */
@Controller
@ConsolePage
@PeopleOnly
@RequiresRole(Role.SUPERADMIN)
@Hidden
public class TenantListPage {

    private final QueryGateway queries;

    public TenantListPage(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping(TenantListFilter.PATH)
    public String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                       @RequestParam(required = false) String plan, @RequestParam(required = false) String sort,
                       @RequestParam(required = false) String page, @RequestParam(required = false) String size,
                       Model model) {
        TenantListFilter filter = TenantListFilter.of(q, status, plan, sort, page, size);
        FindTenantsQuery query;
        try {
            query = new TenantSearchParameters(filter.q(), filter.status(), filter.plan(), null, null, null,
                    filter.page(), filter.size(), filter.sort()).toQuery();
        } catch (ApiProblem refused) {
            throw PageProblems.withReasons(refused);
        }
        TenantPage result = queries.query(query, ResponseTypes.instanceOf(TenantPage.class)).join();
        model.addAttribute("filter", filter);
        model.addAttribute("result", result);
        model.addAttribute("columns", SortColumn.of(filter, query));
        model.addAttribute("pageNumber", result.page() + 1);
        model.addAttribute("pageCount", Math.max(1, result.totalPages()));
        model.addAttribute("previous", result.page() > 0 ? filter.atPage(result.page() - 1) : null);
        model.addAttribute("next", result.page() + 1 < result.totalPages() ? filter.atPage(result.page() + 1) : null);
        model.addAttribute("statuses", TenantStatus.values());
        model.addAttribute("plans", Plan.values());
        model.addAttribute("time", ConsoleTime.FORMAT);
        return "dashboard/tenants/list";
    }
}
