package dev.tenancy.query.web;

import dev.tenancy.api.tenant.query.TenantDetailsView;
import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.query.tenant.TenantReads;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every page of the signed-in tenant starts from: its details once the read model has reached {@code ?v=} (the
 * version a change just answered, so the page shows the change), and its brand.
 */
@Component
public class TenantPageSupport {

    private final TenantReads reads;

    public TenantPageSupport(TenantReads reads) {
        this.reads = reads;
    }

    /** Adds {@code tenant} and {@code brand} to the model; {@code version} is the raw {@code ?v=} parameter. */
    public TenantDetailsView prepare(String version, Model model) {
        TenantDetailsView tenant = reads.awaitDetails(TenantReads.currentTenantId(), minVersion(version));
        model.addAttribute("tenant", tenant);
        model.addAttribute("brand", Brand.of(tenant));
        return tenant;
    }

    /** {@code ?v=}: absent means 0; anything but a whole number 0+ is refused naming the parameter. */
    public static long minVersion(String version) {
        if (version == null || version.isBlank()) {
            return 0;
        }
        try {
            long parsed = Long.parseLong(version.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiProblem.badRequest("v", "v (the version to wait for) must be a whole number of 0 or more");
    }
}
