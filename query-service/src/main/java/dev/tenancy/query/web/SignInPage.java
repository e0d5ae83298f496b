package dev.tenancy.query.web;

import dev.tenancy.api.tenant.query.FindTenantDetailsQuery;
import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.PublicEndpoint;
import dev.tenancy.platform.tenant.AllowedWhenSuspended;
import dev.tenancy.platform.tenant.CurrentTenant;
import dev.tenancy.platform.tenant.TenantRef;
import io.swagger.v3.oas.annotations.Hidden;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in and sign-up. The tenant named by subdomain, verified domain or {@code ?tenant=} brands the sign-in page
 * and is preselected; without one, people name their organisation (superadmins leave it empty).
 */
@Controller
@ConsolePage
@PublicEndpoint
@PeopleOnly
@AllowedWhenSuspended
@Hidden
public class SignInPage {

    private final QueryGateway queries;

    public SignInPage(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/signin")
    public String signIn(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", SafeNext.of(next));
        CurrentTenant.find().map(TenantRef::id).map(this::details).ifPresent(tenant ->
                model.addAttribute("brand", Brand.of(tenant)));
        return "signin";
    }

    @GetMapping("/signup")
    public String signUp() {
        return "signup";
    }

    private TenantDetailsView details(String tenantId) {
        return queries.query(new FindTenantDetailsQuery(tenantId), ResponseTypes.instanceOf(TenantDetailsView.class))
                .join();
    }
}
