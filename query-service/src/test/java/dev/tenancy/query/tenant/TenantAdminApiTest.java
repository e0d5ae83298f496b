package dev.tenancy.query.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.plan.Plan;
import dev.tenancy.api.tenant.FieldChange;
import dev.tenancy.api.tenant.event.*;
import dev.tenancy.query.QueryServiceTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The superadmin's GET /api/v1/tenants (search) and GET /api/v1/tenants/{id}. */
class TenantAdminApiTest extends QueryServiceTestSupport {

    private String marker;
    private String alpha;
    private String beta;
    private String gamma;

    /** Three tenants only this test's marker finds, whatever other tests left in the read model. */
    @BeforeEach
    void tenants() {
        marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        alpha = tenant(marker + "-alpha", "Alpha Corp", Plan.FREE, Instant.parse("2024-01-10T00:00:00Z"));
        beta = tenant(marker + "-beta", "beta labs", Plan.PROFESSIONAL, Instant.parse("2024-03-01T00:00:00Z"));
        gamma = tenant(marker + "-gamma", "Gamma", Plan.ENTERPRISE, Instant.parse("2024-06-01T00:00:00Z"));
        append(beta, new TenantSuspendedEvent(beta, "abuse report"));
        append(gamma, new DomainRegisteredEvent(gamma, "portal." + marker + "-g.test", "tok"));
    }

    @Test
    void searchMatchesNameSlugOrDomainAndFilters() throws Exception {
        assertThat(ids("q=" + marker)).containsExactlyInAnyOrder(alpha, beta, gamma);
        assertThat(ids("q=" + marker.toUpperCase() + "-ALPHA")).containsExactly(alpha);
        assertThat(ids("q=portal." + marker)).containsExactly(gamma);
        assertThat(ids("q=" + marker + "&status=suspended")).containsExactly(beta);
        assertThat(ids("q=" + marker + "&plan=ENTERPRISE")).containsExactly(gamma);
        assertThat(ids("q=" + marker + "&createdFrom=2024-03-01T00:00:00Z&createdTo=2024-06-01T00:00:00Z"))
                .as("from inclusive, to exclusive").containsExactly(beta);
        assertThat(ids("q=" + marker + "&overLimit=true")).as("none of them uses anything").isEmpty();
        assertThat(ids("q=" + marker + "&overLimit=false")).hasSize(3);
    }

    @Test
    void searchSortsAndPages() throws Exception {
        assertThat(ids("q=" + marker)).as("newest first by default").containsExactly(gamma, beta, alpha);
        assertThat(ids("q=" + marker + "&sort=name,asc")).as("names sort case-insensitively")
                .containsExactly(alpha, beta, gamma);
        assertThat(ids("q=" + marker + "&sort=plan,desc")).as("plans sort by tier")
                .containsExactly(gamma, beta, alpha);
        List<String> activeById = Stream.of(alpha, gamma).sorted().toList();
        assertThat(ids("q=" + marker + "&sort=status")).as("ties are ordered by id, so pages are stable")
                .containsExactly(activeById.get(0), activeById.get(1), beta);
        assertThat(ids("q=" + marker + "&sort=slug,DESC")).containsExactly(gamma, beta, alpha);

        JsonNode page = search("q=" + marker + "&sort=createdAt,asc&size=2&page=1");
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.at("/items/0/id").asText()).isEqualTo(gamma);
        assertThat(page.at("/items/0/limits/users/unlimited").asBoolean()).isTrue();
    }

    @Test
    void eachInvalidParameterIsNamed() throws Exception {
        assertRefused("status=GONE", "status");
        assertRefused("plan=GOLD", "plan");
        assertRefused("sort=price", "sort");
        assertRefused("sort=name,up", "sort");
        assertRefused("size=101", "size");
        assertRefused("size=0", "size");
        assertRefused("page=-1", "page");
        assertRefused("page=first", "page");
        assertRefused("createdFrom=yesterday", "createdFrom");
        assertRefused("createdFrom=2024-05-01T00:00:00Z&createdTo=2024-01-01T00:00:00Z", "createdTo");
        assertRefused("overLimit=maybe", "overLimit");

        HttpResponse<String> several = get("/api/v1/tenants?status=x&plan=y&size=500", superadminToken());
        assertThat(problem(several, 400)).isEqualTo("validation-failed");
        assertThat(body(several).get("errors").findValuesAsText("field")).containsExactly("status", "plan", "size");
    }

    @Test
    void onlySuperadminsMaySearchOrOpenATenant() throws Exception {
        assertThat(problem(get("/api/v1/tenants", ownerToken(alpha)), 403)).isEqualTo("forbidden");
        assertThat(problem(get("/api/v1/tenants/" + alpha, ownerToken(alpha)), 403)).isEqualTo("forbidden");
        assertThat(problem(get("/api/v1/tenants", null), 401)).isEqualTo("unauthenticated");
        assertThat(problem(get("/api/v1/tenants/" + alpha, null), 401)).isEqualTo("unauthenticated");
    }

    @Test
    void oneTenantComesWithSettingsBrandingAndDomains() throws Exception {
        append(gamma, new SettingsChangedEvent(gamma, List.of(
                        new FieldChange("security.sso.clientSecret", null, "hidden-secret"))),
                new BrandingChangedEvent(gamma, List.of(new FieldChange("primaryColor", null, "#000000"))));

        HttpResponse<String> response = get("/api/v1/tenants/" + gamma, superadminToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("hidden-secret");
        JsonNode body = body(response);
        assertThat(body.get("id").asText()).isEqualTo(gamma);
        assertThat(body.get("plan").asText()).isEqualTo("ENTERPRISE");
        assertThat(body.at("/settings/security/sso/clientSecret").asText()).isEqualTo("********");
        assertThat(body.at("/settings/language").asText()).isEqualTo("en");
        assertThat(body.at("/branding/primaryColor").asText()).isEqualTo("#000000");
        assertThat(body.at("/branding/whiteLabel").asBoolean()).isTrue();
        assertThat(body.at("/domains/0/domain").asText()).isEqualTo("portal." + marker + "-g.test");
        assertThat(body.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void unknownTenantsAreNotFoundAndDeletedOnesAreShownAsDeleted() throws Exception {
        assertThat(problem(get("/api/v1/tenants/" + UUID.randomUUID(), superadminToken()), 404))
                .isEqualTo("tenant-not-found");

        append(alpha, new TenantDeletedEvent(alpha, "requested", Instant.now(), Instant.now()));
        JsonNode deleted = body(get("/api/v1/tenants/" + alpha, superadminToken()));
        assertThat(deleted.get("status").asText()).isEqualTo("DELETED");
        assertThat(deleted.get("statusReason").asText()).isEqualTo("requested");
        assertThat(ids("q=" + marker + "&status=DELETED")).containsExactly(alpha);
    }

    private void assertRefused(String parameters, String field) throws Exception {
        HttpResponse<String> response = get("/api/v1/tenants?" + parameters, superadminToken());
        assertThat(problem(response, 400)).as(parameters).isEqualTo("validation-failed");
        assertThat(body(response).get("errors").findValuesAsText("field")).as(parameters).containsExactly(field);
    }

    private JsonNode search(String parameters) throws Exception {
        HttpResponse<String> response = get("/api/v1/tenants?" + parameters, superadminToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private List<String> ids(String parameters) throws Exception {
        List<String> ids = new ArrayList<>();
        search(parameters).get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
