package dev.tenancy.command.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.api.tenant.TenantStatus;
import dev.tenancy.api.user.Role;
import dev.tenancy.platform.tenant.TenantDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DomainApiTest extends CommandApiTestSupport {

    private static final String DOMAINS = "/api/v1/tenants/current/domains";

    @Autowired
    TenantDirectory directory;

    @Test
    void aDomainIsRegisteredPendingThenVerifiedByItsTxtRecordAndThenResolves() throws Exception {
        Tenant tenant = signup();
        String domain = uniqueDomain();
        var created = send("POST", DOMAINS, tenant.ownerToken(), "{\"domain\":\"" + domain.toUpperCase() + ".\"}");
        JsonNode body = ok(created, 201);
        String token = body.get("verificationToken").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{32}");
        assertThat(body.get("domain").asText()).isEqualTo(domain);
        assertThat(body.get("status").asText()).isEqualTo("PENDING");
        assertThat(body.at("/verification/type").asText()).isEqualTo("dns-txt");
        assertThat(body.at("/verification/name").asText()).isEqualTo("_tenancy-verification." + domain);
        assertThat(body.at("/verification/value").asText()).isEqualTo("tenancy-verification=" + token);
        assertThat(created.headers().firstValue("Location")).contains(DOMAINS + "/" + domain);
        assertThat(directory.findByVerifiedDomain(domain)).as("pending domains do not resolve").isEmpty();

        long before = eventCount();
        JsonNode failed = assertProblem(send("POST", DOMAINS + "/" + domain + "/verify", tenant.ownerToken(), null),
                409, "domain-verification-failed");
        assertThat(failed.get("check").asText()).contains("tenancy-verification=" + token);
        assertThat(eventCount()).isEqualTo(before);

        dns.publish(domain, token);
        JsonNode verified = ok(send("POST", DOMAINS + "/" + domain + "/verify", token(tenant, Role.ADMIN), null), 200);
        assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(directory.findByVerifiedDomain(domain)).hasValueSatisfying(ref -> {
            assertThat(ref.id()).isEqualTo(tenant.id());
            assertThat(ref.status()).isEqualTo(TenantStatus.ACTIVE);
        });

        var removed = send("DELETE", DOMAINS + "/" + domain, tenant.ownerToken(), null);
        assertThat(removed.statusCode()).isEqualTo(204);
        assertThat(directory.findByVerifiedDomain(domain)).isEmpty();
        assertProblem(send("DELETE", DOMAINS + "/" + domain, tenant.ownerToken(), null), 404, "domain-not-found");
        ok(send("POST", DOMAINS, signup().ownerToken(), "{\"domain\":\"" + domain + "\"}"), 201);
    }

    @Test
    void aDomainBelongsToOneTenantAtATime() throws Exception {
        String domain = uniqueDomain();
        ok(send("POST", DOMAINS, signup().ownerToken(), "{\"domain\":\"" + domain + "\"}"), 201);
        Tenant other = signup();
        long before = eventCount();
        JsonNode problem = assertProblem(send("POST", DOMAINS, other.ownerToken(), "{\"domain\":\"" + domain + "\"}"),
                409, "domain-taken");
        assertThat(problem.get("domain").asText()).isEqualTo(domain);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void domainsThatAreNoCustomerHostNamesAreRefused() throws Exception {
        Tenant tenant = signup();
        long before = eventCount();
        for (String bad : new String[] {"localhost", "shop.localhost", "203.0.113.7", "-bad.example.com",
                "a..example.com", "exa mple.com", ("x".repeat(64)) + ".example.com", "", "shop.example.123"}) {
            assertProblem(send("POST", DOMAINS, tenant.ownerToken(), "{\"domain\":\"" + bad + "\"}"), 400,
                    "validation-failed", "domain");
        }
        assertProblem(send("POST", DOMAINS, tenant.ownerToken(), "{}"), 400, "validation-failed", "domain");
        assertProblem(send("POST", DOMAINS, tenant.ownerToken(), "{\"domain\":\"a.example\",\"x\":1}"), 400,
                "unknown-field", "x");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void unknownDomainsAreNotFoundAndMembersCannotManageDomains() throws Exception {
        Tenant tenant = signup();
        long before = eventCount();
        assertProblem(send("POST", DOMAINS + "/nope.example/verify", tenant.ownerToken(), null), 404,
                "domain-not-found");
        assertProblem(send("DELETE", DOMAINS + "/nope.example", tenant.ownerToken(), null), 404, "domain-not-found");
        assertProblem(send("POST", DOMAINS, token(tenant, Role.MEMBER), "{\"domain\":\"m.example\"}"), 403,
                "forbidden");
        assertProblem(send("POST", DOMAINS, null, "{\"domain\":\"m.example\"}"), 401, "unauthenticated");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void onlyASuperadminVerifiesWithoutTheCheck() throws Exception {
        Tenant tenant = signup();
        String domain = uniqueDomain();
        ok(send("POST", DOMAINS, tenant.ownerToken(), "{\"domain\":\"" + domain + "\"}"), 201);
        String override = "/api/v1/tenants/" + tenant.id() + "/domains/" + domain + "/verify";
        long before = eventCount();
        assertProblem(send("POST", override, tenant.ownerToken(), "{\"override\":true}"), 403, "forbidden");
        assertProblem(send("POST", DOMAINS + "/" + domain + "/verify", tenant.ownerToken(), "{\"override\":true}"),
                400, "unknown-field", "override");
        assertProblem(send("POST", override, superadmin(), "{\"override\":false}"), 409,
                "domain-verification-failed");
        assertThat(eventCount()).isEqualTo(before);

        JsonNode verified = ok(send("POST", override, superadmin(), "{\"override\":true}"), 200);
        assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(payload(events(tenant.id()).get(4)).get("method").asText()).isEqualTo("superadmin-override");
        assertThat(directory.findByVerifiedDomain(domain)).isPresent();
    }

    private static String uniqueDomain() {
        return "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    }
}
