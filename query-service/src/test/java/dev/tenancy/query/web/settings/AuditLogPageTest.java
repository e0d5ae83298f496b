package dev.tenancy.query.web.settings;

import dev.tenancy.platform.web.ApiProblem;
import dev.tenancy.platform.web.FieldErrors;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The audit page's links keep its filters, and a refused filter says why on the error page. */
class AuditLogPageTest {

    @Test
    void linksCarryTheGivenFiltersEncoded() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("actor", null);
        filters.put("action", "Settings changed");
        filters.put("q", " Europe/Berlin ");
        filters.put("to", "");

        assertThat(AuditLogPage.link(AuditLogPage.EXPORT, filters, "format", "csv"))
                .isEqualTo("/api/v1/audit/export?action=Settings%20changed&q=Europe%2FBerlin&format=csv");
        assertThat(AuditLogPage.link(AuditLogPage.PATH, filters, "cursor", "a+b="))
                .isEqualTo("/dashboard/tenant/settings/audit?action=Settings%20changed&q=Europe%2FBerlin"
                        + "&cursor=a%2Bb%3D");
    }

    @Test
    void aValidationProblemNamesEachReason() {
        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> new FieldErrors()
                .add("from", "from must be an ISO-8601 instant").add("size", "size is too big").throwIfAny());

        ApiProblem explained = PageProblems.withReasons(refused);

        assertThat(explained.status().value()).isEqualTo(400);
        assertThat(explained.code()).isEqualTo("validation-failed");
        assertThat(explained.getMessage()).isEqualTo("from must be an ISO-8601 instant; size is too big.");
        assertThat(explained.properties()).containsKey("errors");
    }

    @Test
    void otherProblemsStayAsTheyAre() {
        ApiProblem notFound = ApiProblem.notFound("tenant-not-found", "No such tenant");

        assertThat(PageProblems.withReasons(notFound)).isSameAs(notFound);
    }
}
