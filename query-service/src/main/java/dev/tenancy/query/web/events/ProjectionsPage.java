package dev.tenancy.query.web.events;

import dev.tenancy.api.user.Role;
import dev.tenancy.platform.apikey.PeopleOnly;
import dev.tenancy.platform.security.RequiresRole;
import dev.tenancy.query.replay.ProjectionAdminController;
import dev.tenancy.query.replay.ProjectionList;
import dev.tenancy.query.web.ConsolePage;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Every projection (processing group) with its progress and lag, and a Replay button that rebuilds it through the
 * REST API while projections.js follows the rebuild to its end.
 */
@Controller
@ConsolePage
@PeopleOnly
@RequiresRole(Role.SUPERADMIN)
@Hidden
public class ProjectionsPage {

    private final ProjectionAdminController projections;

    public ProjectionsPage(ProjectionAdminController projections) {
        this.projections = projections;
    }

    @GetMapping("/dashboard/projections")
    public String projections(Model model) {
        ProjectionList list = projections.projections();
        model.addAttribute("store", list);
        model.addAttribute("newestAt", EventRow.time(list.newestEventAt()));
        model.addAttribute("cards", list.projections().stream().map(ProjectionCard::of).toList());
        return "dashboard/events/projections";
    }
}
