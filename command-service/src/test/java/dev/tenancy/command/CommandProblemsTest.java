package dev.tenancy.command;

import dev.tenancy.api.plan.Feature;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.command.tenant.TenantRuleViolation;
import dev.tenancy.platform.web.ApiProblem;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateEntityNotFoundException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandProblemsTest {

    private final CommandProblems problems = new CommandProblems();

    @Test
    void ruleViolationsBecomeProblemsWithTheirDetailsAsMembers() {
        ApiProblem missing = problems.map(TenantRuleViolation.featureMissing(Feature.WHITE_LABEL, Plan.STARTER))
                .orElseThrow();
        assertThat(missing.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(missing.code()).isEqualTo("feature-not-available");
        assertThat(missing.properties()).containsEntry("feature", "WHITE_LABEL").containsEntry("plan", "STARTER")
                .containsEntry("requiredPlan", "ENTERPRISE");

        assertThat(problems.map(TenantRuleViolation.notFound()).orElseThrow().status())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problems.map(TenantRuleViolation.invalidTransition("suspend", TenantStatus.SUSPENDED))
                .orElseThrow().status()).isEqualTo(HttpStatus.CONFLICT);
        ApiProblem invalid = problems.map(TenantRuleViolation.invalid(Map.of("plan", "plan is required")))
                .orElseThrow();
        assertThat(invalid.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.code()).isEqualTo("validation-failed");
        assertThat(invalid.properties().get("errors")).isEqualTo(List.of(Map.of("field", "plan", "message",
                "plan is required")));
    }

    @Test
    void axonsRefusalsOfUnknownTenantsAndDomainsAreNotFound() {
        assertThat(problems.map(new AggregateNotFoundException("t-1", "not found")).orElseThrow().code())
                .isEqualTo("tenant-not-found");
        ApiProblem domain = problems.map(new AggregateEntityNotFoundException("no entity")).orElseThrow();
        assertThat(domain.code()).isEqualTo("domain-not-found");
        assertThat(domain.status()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void wrappedFailuresAreMappedByTheirCause() {
        var wrapped = new CommandExecutionException("failed", TenantRuleViolation.domainTaken("a.example"));
        assertThat(problems.map(wrapped).orElseThrow().code()).isEqualTo("domain-taken");
        assertThat(problems.map(new IllegalStateException("boom"))).isEmpty();
    }
}
