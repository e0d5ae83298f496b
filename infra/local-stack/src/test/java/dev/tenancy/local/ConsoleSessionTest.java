package dev.tenancy.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.net.HttpCookie;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console's cookie session over plain HTTP through the gateway: what the browser is given, what a cookie alone
 * may do (read, never change: the CSRF defence), renewal, sign-out, impersonation and its way back, and the pages'
 * own protections.
 */
class ConsoleSessionTest extends StackTest {

    private static final Map<String, String> CONSOLE = Map.of("X-Requested-With", "tenancy-console");
    private static final String PASSWORD = "correct-horse-42";

    @Test
    void signingInFromTheConsoleSetsHttpOnlyStrictCookiesAndKeepsTheTokensOutOfTheBody() {
        String slug = signedUp("cookies");

        StackClient.Response login = consoleLogin(slug);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("accessToken").isNull()).isTrue();
        assertThat(login.json().get("refreshToken").isNull()).isTrue();
        assertThat(login.json().get("role").asText()).isEqualTo("OWNER");
        Map<String, String> raw = rawCookies(login);
        assertThat(raw.get("tp_session")).contains("HttpOnly", "SameSite=Strict", "Path=/;");
        assertThat(raw.get("tp_refresh")).contains("HttpOnly", "SameSite=Strict", "Path=/api/v1/auth");
        StackClient.Response plain = client.post("/api/v1/auth/login", null, credentials(slug));
        assertThat(plain.json().get("accessToken").asText()).isNotBlank();
        assertThat(plain.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aCookieAloneReadsButChangesNothingWithoutTheConsoleHeader() {
        String slug = signedUp("csrf");
        Map<String, String> jar = cookies(consoleLogin(slug));
        String cookie = "tp_session=" + jar.get("tp_session");

        assertThat(client.get("/api/v1/tenants/current", null, Map.of("Cookie", cookie)).json().get("slug").asText())
                .isEqualTo(slug);
        StackClient.Response forged = client.send("PATCH", "/api/v1/tenants/current/settings", null,
                Map.of("Cookie", cookie), "{\"timezone\":\"Europe/Paris\"}");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("detail").asText()).contains("X-Requested-With");
        StackClient.Response fromConsole = client.send("PATCH", "/api/v1/tenants/current/settings", null,
                Map.of("Cookie", cookie, "X-Requested-With", "tenancy-console"), "{\"timezone\":\"Europe/Rome\"}");
        assertThat(fromConsole.status()).isEqualTo(200);
        String owner = client.post("/api/v1/auth/login", null, credentials(slug)).json().get("accessToken").asText();
        String version = fromConsole.header("X-Tenant-Version");
        assertThat(client.get("/api/v1/tenants/current/settings", owner, Map.of("X-Min-Version", version))
                .json().get("timezone").asText()).isEqualTo("Europe/Rome");
    }

    @Test
    void theRefreshCookieRenewsTheSessionOnceAndSigningOutEndsIt() {
        String slug = signedUp("renew");
        Map<String, String> first = cookies(consoleLogin(slug));

        StackClient.Response renewed = client.send("POST", "/api/v1/auth/refresh", null,
                with(CONSOLE, "Cookie", "tp_refresh=" + first.get("tp_refresh")), "");
        assertThat(renewed.status()).isEqualTo(200);
        Map<String, String> second = cookies(renewed);
        assertThat(second.get("tp_session")).isNotBlank().isNotEqualTo(first.get("tp_session"));
        assertThat(client.send("POST", "/api/v1/auth/refresh", null, Map.of("Cookie",
                "tp_refresh=" + second.get("tp_refresh")), "").status())
                .as("a cross-site post carries the cookie but not the header").isEqualTo(400);
        assertThat(client.send("POST", "/api/v1/auth/refresh", null,
                with(CONSOLE, "Cookie", "tp_refresh=" + first.get("tp_refresh")), "").json().get("code").asText())
                .isEqualTo("refresh-token-reused");

        Map<String, String> third = cookies(consoleLogin(slug));
        StackClient.Response logout = client.send("POST", "/api/v1/auth/logout", null, with(CONSOLE, "Cookie",
                "tp_session=" + third.get("tp_session") + "; tp_refresh=" + third.get("tp_refresh")), "");
        assertThat(logout.status()).isEqualTo(204);
        assertThat(rawCookies(logout).get("tp_session")).contains("Max-Age=0");
        assertThat(rawCookies(logout).get("tp_refresh")).contains("Max-Age=0");
        assertThat(client.get("/api/v1/tenants/current", null, Map.of("Cookie", "tp_session="
                + third.get("tp_session"))).status()).isEqualTo(401);
    }

    @Test
    void aPasswordChangeFromTheConsoleKeepsItsPersonSignedInWithANewCookieAndEndsTheOldSession() {
        String slug = signedUp("password");
        Map<String, String> before = cookies(consoleLogin(slug));

        StackClient.Response changed = client.send("POST", "/api/v1/auth/password", null,
                with(CONSOLE, "Cookie", "tp_session=" + before.get("tp_session")),
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another-horse-43\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("accessToken").isNull()).isTrue();
        String after = cookies(changed).get("tp_session");
        assertThat(client.get("/api/v1/tenants/current", null, Map.of("Cookie", "tp_session=" + after)).status())
                .isEqualTo(200);
        assertThat(client.get("/api/v1/tenants/current", null, Map.of("Cookie", "tp_session="
                + before.get("tp_session"))).status()).isEqualTo(401);
    }

    @Test
    void impersonationFromTheConsoleMovesTheSuperadminsSessionAsideAndTheWayBackRestoresIt() {
        String slug = signedUp("imp");
        String tenantId = client.post("/api/v1/auth/login", null, credentials(slug)).json().get("tenantId").asText();
        Map<String, String> admin = cookies(client.send("POST", "/api/v1/auth/login", null, CONSOLE,
                "{\"email\":\"" + stack.superadmin().email() + "\",\"password\":\"" + stack.superadmin().password()
                        + "\"}"));

        StackClient.Response started = client.send("POST", "/api/v1/tenants/" + tenantId + "/impersonate", null,
                with(CONSOLE, "Cookie", "tp_session=" + admin.get("tp_session") + "; tp_refresh="
                        + admin.get("tp_refresh")), "{\"reason\":\"support ticket 42\"}");

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("accessToken").isNull()).isTrue();
        Map<String, String> acting = cookies(started);
        assertThat(acting.get("tp_admin_session")).isEqualTo(admin.get("tp_session"));
        assertThat(rawCookies(started).get("tp_admin_session")).contains("Path=/api/v1/auth", "HttpOnly");
        String impersonation = acting.get("tp_session");
        assertThat(client.get("/api/v1/tenants/current", null, Map.of("Cookie", "tp_session=" + impersonation))
                .json().get("slug").asText()).isEqualTo(slug);
        assertThat(client.send("POST", "/api/v1/auth/impersonation/exit", null, Map.of("Cookie",
                "tp_session=" + impersonation), "").status()).isEqualTo(403);

        StackClient.Response exit = client.send("POST", "/api/v1/auth/impersonation/exit", null,
                with(CONSOLE, "Cookie", "tp_session=" + impersonation + "; tp_admin_session="
                        + acting.get("tp_admin_session") + "; tp_admin_refresh=" + acting.get("tp_admin_refresh")),
                "");

        assertThat(exit.status()).isEqualTo(204);
        assertThat(cookies(exit).get("tp_session")).isEqualTo(admin.get("tp_session"));
        assertThat(client.get("/api/v1/tenants/current", null, Map.of("Cookie", "tp_session=" + impersonation))
                .status()).as("the impersonation ends at once").isEqualTo(401);
        assertThat(client.get("/api/v1/tenants?size=1", null, Map.of("Cookie", "tp_session="
                + admin.get("tp_session"))).status()).isEqualTo(200);
    }

    @Test
    void pagesSendStrangersToSignInAndNeverRedirectOffSite() {
        StackClient.Response page = client.get("/dashboard/tenant/settings?v=3", null);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).isEqualTo("/signin?next=/dashboard/tenant/settings?v%3D3");

        for (String next : List.of("https://evil.example/x", "//evil.example/x", "/\\evil.example", "/api/v1/x")) {
            StackClient.Response signIn = client.get("/signin?next=" + java.net.URLEncoder.encode(next,
                    java.nio.charset.StandardCharsets.UTF_8), null);
            assertThat(signIn.body()).contains("data-next=\"/dashboard\"").doesNotContain("evil.example");
        }
        StackClient.Response signIn = client.get("/signin", null);
        assertThat(signIn.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'");
        assertThat(signIn.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(signIn.body()).doesNotContain("<script>");
    }

    @Test
    void aPersonWithoutTheRequiredSecondFactorIsSentWhereTheySetOneUp() {
        String slug = signedUp("needs-2fa");
        String owner = client.post("/api/v1/auth/login", null, credentials(slug)).json().get("accessToken").asText();
        assertThat(client.send("PATCH", "/api/v1/tenants/current/settings", owner, Map.of(),
                "{\"security\":{\"twoFactorRequired\":true}}").status()).isEqualTo(200);
        String cookie = "tp_session=" + cookies(consoleLogin(slug)).get("tp_session");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
            StackClient.Response settings = client.get("/dashboard/tenant/settings", null, Map.of("Cookie", cookie));
            assertThat(settings.status()).isEqualTo(302);
            assertThat(settings.header("Location")).isEqualTo("/dashboard/tenant/settings/security");
        });
        assertThat(client.get("/dashboard/tenant/settings/security", null, Map.of("Cookie", cookie)).status())
                .isEqualTo(200);
    }

    @Test
    void anApiKeyOpensNoPage() {
        String slug = "key-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        client.post("/api/v1/tenants/signup", null, Map.of("name", "Org " + slug, "slug", slug,
                "ownerEmail", "owner@" + slug + ".test", "ownerPassword", PASSWORD, "plan", "STARTER"));
        String owner = client.post("/api/v1/auth/login", null, credentials(slug)).json().get("accessToken").asText();
        String key = client.post("/api/v1/tenants/current/api-keys", owner,
                Map.of("name", "pages", "scopes", List.of("read"))).json().get("key").asText();

        StackClient.Response page = client.get("/dashboard/tenant/settings", null, Map.of("X-API-Key", key));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.contentType()).startsWith("text/html");
    }

    private static String signedUp(String prefix) {
        String slug = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        client.signup(slug);
        return slug;
    }

    private static Map<String, String> credentials(String slug) {
        return Map.of("email", "owner@" + slug + ".test", "password", PASSWORD, "tenant", slug);
    }

    private static StackClient.Response consoleLogin(String slug) {
        return client.send("POST", "/api/v1/auth/login", null, CONSOLE,
                "{\"email\":\"owner@" + slug + ".test\",\"password\":\"" + PASSWORD + "\",\"tenant\":\"" + slug
                        + "\"}");
    }

    private static Map<String, String> cookies(StackClient.Response response) {
        Map<String, String> jar = new HashMap<>();
        response.headers().allValues("Set-Cookie").stream().flatMap(value -> HttpCookie.parse(value).stream())
                .forEach(cookie -> jar.put(cookie.getName(), cookie.getValue()));
        return jar;
    }

    private static Map<String, String> rawCookies(StackClient.Response response) {
        return response.headers().allValues("Set-Cookie").stream()
                .collect(Collectors.toMap(value -> value.substring(0, value.indexOf('=')), value -> value,
                        (a, b) -> b));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
