package dev.tenancy.query.web.events;

import dev.tenancy.api.tenant.event.DomainRegisteredEvent;
import dev.tenancy.api.tenant.event.TenantActivatedEvent;
import dev.tenancy.query.audit.AuditTestSupport;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The superadmin's event and projection pages, rendered from the same reads as their REST routes. */
class EventConsolePagesTest extends AuditTestSupport {

    @Test
    void theSearchListsTheFilteredEventsWithLinksAndALiveTailOfTheSameFilters() throws Exception {
        String tenantId = auditTenant("pages");
        String other = auditTenant("pages-other");
        String activated = act(tenantId, by(tenantId, "dana", "OWNER", "corr-pages-1"),
                new TenantActivatedEvent(tenantId, "checked")).get(0);
        String elsewhere = act(other, by(other, "dana", "OWNER", "corr-pages-2"),
                new TenantActivatedEvent(other, "checked")).get(0);

        String html = page("/dashboard/events?tenantId=" + tenantId + "&actor=dana", 200);
        assertThat(html).contains("data-event-id=\"" + activated + "\"", "href=\"/dashboard/events/" + activated + "\"",
                        "/dashboard/events/correlations/corr-pages-1", "/dashboard/events/aggregates/" + tenantId,
                        "TenantActivatedEvent", "data-stream=\"/api/v1/admin/events/stream?tenantId=" + tenantId
                                + "&amp;actor=dana\"")
                .doesNotContain(elsewhere);
        assertThat(page("/dashboard/events?tenantId=" + tenantId + "&size=1", 200))
                .contains("cursor=", "rel=\"next\"");
    }

    @Test
    void invalidFiltersAreAnErrorPageNamingTheRules() throws Exception {
        for (String bad : List.of("from=soon", "size=0", "cursor=abc", "tenantId=a%20b", "actor=%7B%7D")) {
            String html = page("/dashboard/events?" + bad, 400);
            assertThat(html).as(bad).contains("Invalid filter", "validation-failed", "Status <span>400</span>");
        }
        assertThat(page("/dashboard/events?from=soon", 400)).contains("from must be an ISO-8601 instant");
    }

    @Test
    void anEventItsCorrelationAndItsAggregate() throws Exception {
        String tenantId = auditTenant("pages-detail");
        String correlation = "corr-detail-" + UUID.randomUUID();
        List<String> ids = act(tenantId, by(tenantId, "erin", "OWNER", correlation),
                new DomainRegisteredEvent(tenantId, "pages.example.com", "dns-token-9"),
                new TenantActivatedEvent(tenantId, "after the domain"));

        String detail = page("/dashboard/events/" + ids.get(0), 200);
        assertThat(detail).contains("pages.example.com", "\"tenantId\" : \"" + tenantId + "\"",
                "/dashboard/events/correlations/" + correlation,
                "/api/v1/admin/time-travel/" + tenantId + "?sequence=2").doesNotContain("dns-token-9");
        String trace = page("/dashboard/events/correlations/" + correlation, 200);
        assertThat(trace.indexOf(ids.get(0))).isPositive().isLessThan(trace.indexOf(ids.get(1)));
        String timeline = page("/dashboard/events/aggregates/" + tenantId + "?size=2", 200);
        assertThat(timeline).contains("data-sequence=\"0\"", "data-sequence=\"1\"", "fromSequence=2")
                .doesNotContain("data-sequence=\"2\"");
        page("/dashboard/events/" + UUID.randomUUID(), 404);
        page("/dashboard/events/aggregates/" + UUID.randomUUID(), 404);
        page("/dashboard/events/aggregates/" + tenantId + "?fromSequence=-1", 400);
    }

    @Test
    void projectionsShowTheirProgressAndAReplayButton() throws Exception {
        String html = page("/dashboard/projections", 200);
        assertThat(html).contains("data-projection=\"audit\"", "data-projection=\"api-keys\"",
                "data-api-action=\"/api/v1/admin/projections/api-keys/rebuild\"", "Events read", "Lag");
    }

    @Test
    void onlySuperadminsSeeThesePages() throws Exception {
        String tenantId = auditTenant("pages-owner");
        for (String path : List.of("/dashboard/events", "/dashboard/projections", "/dashboard/events/x",
                "/dashboard/events/aggregates/" + tenantId)) {
            HttpResponse<String> response = get(path, ownerToken(tenantId));
            assertThat(response.statusCode()).as(path).isEqualTo(403);
            assertThat(response.body()).as(path).doesNotContain(tenantId + "\"");
        }
    }

    private String page(String path, int status) throws Exception {
        HttpResponse<String> response = get(path, superadminToken());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        return response.body().replace("&quot;", "\"");
    }
}
