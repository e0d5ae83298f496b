package dev.tenancy.command.signup;

import dev.tenancy.api.plan.Plan;
import dev.tenancy.command.identity.PasswordPolicy;
import dev.tenancy.command.tenant.SlugPolicy;
import dev.tenancy.platform.web.FieldErrors;

import java.util.Arrays;
import java.util.Optional;

public record SignupRequest(String name, String slug, String ownerEmail, String ownerPassword, String plan) {

    void validate() {
        new FieldErrors()
                .require("name", name).maxLength("name", name, 100)
                .check("slug", SlugPolicy.violation(slug))
                .require("ownerEmail", ownerEmail).email("ownerEmail", ownerEmail)
                .check("ownerPassword", PasswordPolicy.violation(ownerPassword, ownerEmail))
                .check("plan", plan == null || Plan.parse(plan).isPresent() ? Optional.empty()
                        : Optional.of("plan must be one of " + Arrays.toString(Plan.values())))
                .throwIfAny();
    }

    Plan chosenPlan() {
        return plan == null ? Plan.FREE : Plan.parse(plan).orElseThrow();
    }
}
