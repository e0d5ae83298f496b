package dev.tenancy.platform.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;

import static dev.tenancy.platform.tenant.Tenants.ACME;
import static dev.tenancy.platform.tenant.Tenants.ACME_DOMAIN;
import static dev.tenancy.platform.tenant.Tenants.GLOBEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@ExtendWith(OutputCaptureExtension.class)
class TenantResolutionTest extends TenantWebTestSupport {

    private static final String UNTRUSTED_PEER = "203.0.113.7";

    @Autowired
    MeterRegistry meters;

    @Test
    void aTenantUsersTokenResolvesItsTenantIntoTheCallContext() throws Exception {
        assertResolved(ok(asOwnerOf("/api/test/plain", ACME)), ACME);
    }

    @Test
    void aTenantUserMayNameItsOwnTenantByHostHeaderOrParameter() throws Exception {
        assertResolved(ok(asOwnerOf("/api/test/plain", ACME).header("Host", "acme.localhost")), ACME);
        assertResolved(ok(asOwnerOf("/api/test/plain", ACME).header(TenantResolver.HEADER, "acme")), ACME);
        assertResolved(ok(asOwnerOf("/api/test/plain?tenant=" + ACME.id(), ACME)), ACME);
        assertResolved(ok(asOwnerOf("/api/test/plain", ACME).header("Host", ACME_DOMAIN)), ACME);
    }

    @Test
    void aTenantUserNamingAnotherTenantIsForbiddenLoggedAndCounted(CapturedOutput output) throws Exception {
        double header = mismatches("header");
        double parameter = mismatches("parameter");
        double subdomain = mismatches("subdomain");

        JsonNode byHeader = problem(asOwnerOf("/api/test/plain", ACME).header(TenantResolver.HEADER, "globex"),
                403, "tenant-mismatch");
        problem(asOwnerOf("/api/test/plain?tenant=" + GLOBEX.id(), ACME), 403, "tenant-mismatch");
        problem(asOwnerOf("/api/test/plain", ACME).header("Host", "globex.localhost:8080"), 403, "tenant-mismatch");
        problem(asOwnerOf("/api/test/branding", ACME).header(TenantResolver.HEADER, "globex"), 403,
                "tenant-mismatch");

        assertThat(byHeader.get("detail").asText()).contains("header X-Tenant-Id=globex");
        assertThat(mismatches("header")).isEqualTo(header + 2);
        assertThat(mismatches("parameter")).isEqualTo(parameter + 1);
        assertThat(mismatches("subdomain")).isEqualTo(subdomain + 1);
        assertThat(output.getOut()).contains("WARN").contains("Tenant mismatch: user owner-of-acme with token tenant "
                + ACME.id() + " named tenant " + GLOBEX.id() + " (globex) via header X-Tenant-Id=globex");
    }

    @Test
    void aSuperadminActsOnTheTenantItNames(CapturedOutput output) throws Exception {
        JsonNode byHeader = ok(asSuperadmin("/api/test/plain").header(TenantResolver.HEADER, "globex"));
        assertResolved(byHeader, GLOBEX);
        assertThat(byHeader.get("actingSuperadmin").asText()).isEqualTo(SUPERADMIN);
        assertResolved(ok(asSuperadmin("/api/test/plain?tenant=" + ACME.id())), ACME);
        assertResolved(ok(asSuperadmin("/api/test/plain").header("Host", "globex.localhost")), GLOBEX);
        assertThat(output.getOut()).contains("Superadmin " + SUPERADMIN + " acts on tenant globex (" + GLOBEX.id()
                + ") via header");
    }

    @Test
    void aSuperadminNamingNoTenantHasNone() throws Exception {
        JsonNode body = ok(asSuperadmin("/api/test/plain"));
        assertThat(body.get("tenant").isNull()).isTrue();
        assertThat(body.get("contextTenant").isNull()).isTrue();
    }

    @Test
    void inputsNamingTwoTenantsAreRefusedEvenWithoutAToken() throws Exception {
        problem(asSuperadmin("/api/test/plain?tenant=acme").header(TenantResolver.HEADER, "globex"), 403,
                "tenant-mismatch");
        problem(get("/api/test/branding?tenant=globex").header("Host", "acme.localhost"), 403, "tenant-mismatch");
        assertResolved(ok(get("/api/test/branding?tenant=" + ACME.id()).header(TenantResolver.HEADER, "acme")), ACME);
    }

    @Test
    void publicRoutesResolveFromHostHeaderOrParameter() throws Exception {
        assertResolved(ok(get("/api/test/branding").header("Host", "acme.localhost")), ACME);
        assertResolved(ok(get("/api/test/branding").header("Host", ACME_DOMAIN + ":443")), ACME);
        assertResolved(ok(get("/api/test/branding").header(TenantResolver.HEADER, GLOBEX.id())), GLOBEX);
        assertResolved(ok(get(URI.create("/api/test/branding?tenant=glo%62ex"))), GLOBEX);
    }

    @Test
    void authenticationIsCheckedBeforeTheTenantIsResolved() throws Exception {
        problem(get("/api/test/plain").header(TenantResolver.HEADER, "nope"), 401, "unauthenticated");
    }

    @Test
    void platformHostsNameNoTenant() throws Exception {
        for (String host : new String[]{"localhost:8080", "api.localhost", "127.0.0.1:8081", "[::1]:8080",
                "command-service:8081"}) {
            assertThat(ok(get("/api/test/branding").header("Host", host)).get("tenant").isNull()).as(host).isTrue();
        }
    }

    @Test
    void anUnknownTenantNamedExplicitlyIsNotFoundSayingWhatWasTried() throws Exception {
        JsonNode byHeader = problem(get("/api/test/branding").header(TenantResolver.HEADER, "nope"), 404,
                "tenant-not-found");
        assertThat(byHeader.get("tried").toString()).isEqualTo("[\"header X-Tenant-Id=nope\"]");

        JsonNode bySubdomain = problem(asSuperadmin("/api/test/plain?tenant=acme").header("Host", "nope.localhost"),
                404, "tenant-not-found");
        assertThat(bySubdomain.get("tried").toString()).isEqualTo("[\"subdomain=nope\"]");

        JsonNode byDomain = problem(asOwnerOf("/api/test/plain", ACME).header("Host", "unverified.example.org"), 404,
                "tenant-not-found");
        assertThat(byDomain.get("tried").toString())
                .isEqualTo("[\"token tenant=" + ACME.id() + "\",\"custom domain=unverified.example.org\"]");

        JsonNode byParameter = problem(get("/api/test/branding?tenant=nope"), 404, "tenant-not-found");
        assertThat(byParameter.get("tried").toString()).isEqualTo("[\"query parameter tenant=nope\"]");
    }

    @Test
    void aRouteThatNeedsATenantWhenNoneIsNamedIsNotFoundSayingWhatWasTried() throws Exception {
        JsonNode body = problem(asSuperadmin("/api/test/white-label"), 404, "tenant-not-found");
        assertThat(body.get("tried").isArray()).isTrue();
        assertThat(body.get("tried")).isEmpty();
    }

    @Test
    void xForwardedHostCountsOnlyFromATrustedProxyAndOnlyItsOwnEntry() throws Exception {
        var forged = get("/api/test/branding").header("Host", "localhost")
                .header(RequestHost.FORWARDED_HOST, "acme.localhost");
        assertThat(ok(from(forged, UNTRUSTED_PEER)).get("tenant").isNull()).isTrue();

        var proxied = get("/api/test/branding").header("Host", "localhost:8081")
                .header(RequestHost.FORWARDED_HOST, "acme.localhost");
        assertResolved(ok(from(proxied, "127.0.0.1")), ACME);

        var smuggled = get("/api/test/branding").header("Host", "localhost:8081")
                .header(RequestHost.FORWARDED_HOST, "globex.localhost, acme.localhost:8080");
        assertResolved(ok(from(smuggled, "127.0.0.1")), ACME);
    }

    private double mismatches(String via) {
        Counter counter = meters.find(TenantMismatches.COUNTER).tag("via", via).counter();
        return counter == null ? 0 : counter.count();
    }
}
