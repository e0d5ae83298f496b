package dev.tenancy.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** The superadmin's tenant management pages, in a real browser. */
class ConsoleTenantsBrowserTest extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final By ROW_SLUGS = By.cssSelector("[data-testid=tenant-table] tbody tr[data-tenant-slug]");

    @Test
    void theListFiltersSortsAndPages() {
        String prefix = uniqueSlug("list");
        String a = prefix + "-a";
        String b = prefix + "-b";
        String c = prefix + "-c";
        String bId = client.signup(b).get("tenantId").asText();
        client.signup(a);
        client.signup(c);
        String admin = superadminToken();
        assertThat(patch(admin, bId, "{\"plan\":\"PROFESSIONAL\"}").status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.get("/api/v1/tenants?q=" + prefix
                + "&plan=PROFESSIONAL", admin).json().get("totalItems").asLong() == 1
                && client.get("/api/v1/tenants?q=" + prefix, admin).json().get("totalItems").asLong() == 3);

        signInAsSuperadmin();
        waitForPath("/dashboard/tenants");
        type(By.id("q"), prefix);
        browser.findElement(By.cssSelector("#tenant-filter button[type=submit]")).click();
        await.until(driver -> slugs().size() == 3);
        assertThat(browser.findElement(By.cssSelector("[data-testid=tenant-count]")).getText()).isEqualTo("3 tenants");

        new Select(browser.findElement(By.id("plan"))).selectByValue("PROFESSIONAL");
        browser.findElement(By.cssSelector("#tenant-filter button[type=submit]")).click();
        await.until(driver -> slugs().equals(List.of(b)));
        assertThat(new Select(browser.findElement(By.id("plan"))).getFirstSelectedOption().getText())
                .isEqualTo("PROFESSIONAL");
        new Select(browser.findElement(By.id("plan"))).selectByValue("");
        browser.findElement(By.cssSelector("#tenant-filter button[type=submit]")).click();
        await.until(driver -> slugs().size() == 3);

        sortHeader("slug").findElement(By.tagName("a")).click();
        await.until(driver -> "ascending".equals(sortHeader("slug").getAttribute("aria-sort")));
        assertThat(slugs()).containsExactly(a, b, c);
        assertThat(sortHeader("name").getAttribute("aria-sort")).isNull();
        sortHeader("slug").findElement(By.tagName("a")).click();
        await.until(driver -> "descending".equals(sortHeader("slug").getAttribute("aria-sort")));
        assertThat(slugs()).containsExactly(c, b, a);

        open("/dashboard/tenants?q=" + prefix + "&sort=slug,asc&size=2");
        assertThat(slugs()).containsExactly(a, b);
        assertThat(pagePosition()).isEqualTo("Page 1 of 2");
        assertThat(browser.findElements(By.cssSelector("a[rel=prev]"))).isEmpty();
        browser.findElement(By.cssSelector("a[rel=next]")).click();
        await.until(driver -> pagePosition().equals("Page 2 of 2"));
        assertThat(slugs()).containsExactly(c);
        assertThat(browser.findElements(By.cssSelector("a[rel=next]"))).isEmpty();
        browser.findElement(By.cssSelector("a[rel=prev]")).click();
        await.until(driver -> pagePosition().equals("Page 1 of 2"));
        assertAccessible();
        assertFitsNarrowScreen();
        screenshot("tenants-list");

        browser.findElement(By.linkText("Org " + a)).click();
        await.until(driver -> path().startsWith("/dashboard/tenants/"));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Org " + a);

        open("/dashboard/tenants?sort=popularity&size=500");
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Invalid request");
        assertThat(browser.findElement(By.cssSelector("[data-testid=problem-detail]")).getText())
                .contains("sort must be one of").contains("size must be a whole number from 1 to 100");
    }

    @Test
    void changesAreKeptSuspensionReachesTheOwnerAndDeletionNeedsTheSlug() {
        String slug = uniqueSlug("manage");
        JsonNode created = client.signup(slug);
        String id = created.get("tenantId").asText();
        signInAsSuperadmin();
        open("/dashboard/tenants/" + id + "?v=" + created.get("version").asLong());

        new Select(waitFor(By.id("plan"))).selectByValue("PROFESSIONAL");
        submitAndAwaitReload("plan-form");
        outcomeContaining("Plan changed.");
        assertThat(text("[data-testid=tenant-plan]")).isEqualTo("PROFESSIONAL");

        type(By.id("limit-users"), "-3");
        browser.findElement(By.cssSelector("#limits-form button[type=submit]")).click();
        waitFor(By.cssSelector("#limit-users[aria-invalid=true]"));
        assertThat(browser.findElement(By.id(browser.findElement(By.id("limit-users"))
                .getAttribute("aria-describedby"))).getText()).contains("whole number");

        type(By.id("limit-users"), "7");
        browser.findElement(By.cssSelector("[name='limits.webhooks.unlimited']")).click();
        assertThat(browser.findElement(By.id("limit-webhooks")).isEnabled()).isFalse();
        submitAndAwaitReload("limits-form");
        outcomeContaining("Limit overrides saved.");
        new Select(waitFor(By.id("feature-WHITE_LABEL"))).selectByValue("true");
        submitAndAwaitReload("features-form");
        outcomeContaining("Feature overrides saved.");

        browser.navigate().refresh();
        assertThat(waitFor(By.id("limit-users")).getAttribute("value")).isEqualTo("7");
        assertThat(text("[data-limit=users] [data-testid=limit-effective]")).isEqualTo("7");
        assertThat(text("[data-limit=webhooks] [data-testid=limit-effective]")).isEqualTo("Unlimited");
        assertThat(text("[data-feature=WHITE_LABEL] [data-testid=feature-enabled]")).isEqualTo("On");
        assertThat(text("[data-testid=tenant-plan]")).isEqualTo("PROFESSIONAL");
        JsonNode stored = client.get("/api/v1/tenants/" + id, superadminToken()).json();
        assertThat(stored.at("/limitOverrides/users/max").asLong()).isEqualTo(7);
        assertThat(stored.at("/limitOverrides/webhooks/unlimited").asBoolean()).isTrue();
        assertThat(stored.at("/featureOverrides/WHITE_LABEL").asBoolean()).isTrue();
        assertAccessible();
        screenshot("tenants-detail");
        assertFitsNarrowScreen();

        type(By.id("status-reason"), "Invoice 42 is unpaid");
        submitAndAwaitReload("status-form");
        outcomeContaining("Tenant suspended.");
        assertThat(text("[data-testid=tenant-status]")).isEqualTo("SUSPENDED");
        assertThat(text("[data-testid=tenant-status-reason]")).contains("Invoice 42 is unpaid");

        signOut();
        signInThroughPage("owner@" + slug + ".test", PASSWORD, slug);
        waitForPath("/dashboard/tenant/settings");
        assertThat(waitFor(By.cssSelector("[data-testid=tenant-suspended]")).getText())
                .contains("suspended").contains("Invoice 42 is unpaid");
        signOut();

        signInAsSuperadmin();
        open("/dashboard/tenants/" + id);
        type(By.id("status-reason"), "Invoice 42 was paid");
        submitAndAwaitReload("status-form");
        outcomeContaining("Tenant activated.");
        assertThat(text("[data-testid=tenant-status]")).isEqualTo("ACTIVE");
        assertThat(browser.findElements(By.cssSelector("[data-testid=tenant-status-reason]"))).isEmpty();

        WebElement delete = browser.findElement(By.cssSelector("[data-delete-button]"));
        assertThat(delete.isEnabled()).isFalse();
        type(By.id("delete-reason"), "The customer left");
        type(By.id("delete-confirm"), slug + "x");
        assertThat(delete.isEnabled()).isFalse();
        type(By.id("delete-confirm"), slug);
        assertThat(delete.isEnabled()).isTrue();
        WebElement before = browser.findElement(By.tagName("main"));
        delete.click();
        await.until(ExpectedConditions.stalenessOf(before));
        outcomeContaining("Tenant deleted.");
        assertThat(text("[data-testid=tenant-status]")).isEqualTo("DELETED");
        assertThat(text("[data-testid=tenant-deleted]")).contains("read-only");
        assertThat(browser.findElements(By.cssSelector("form[data-api-form], button[type=submit]"))).isEmpty();
        assertThat(client.get("/api/v1/tenants/" + id, superadminToken()).json().get("status").asText())
                .isEqualTo("DELETED");
        assertAccessible();
    }

    @Test
    void impersonationShowsTheBannerIsAuditedAndEndsBackOnTheList() {
        String slug = uniqueSlug("imp");
        JsonNode created = client.signup(slug);
        JsonNode superadmin = client.post("/api/v1/auth/login", null, Map.of("email", stack.superadmin().email(),
                "password", stack.superadmin().password())).json();
        signInAsSuperadmin();
        open("/dashboard/tenants/" + created.get("tenantId").asText() + "?v=" + created.get("version").asLong());

        type(By.id("impersonate-reason"), "Support ticket 7");
        browser.findElement(By.cssSelector("#impersonate-form button[type=submit]")).click();
        waitForPath("/dashboard/tenant/settings");
        assertThat(waitFor(By.cssSelector("[data-testid=impersonation-banner]")).getText())
                .contains(superadmin.get("userId").asText());
        String impersonation = browser.manage().getCookieNamed("tp_session").getValue();
        assertThat(client.get("/api/v1/tenants/current", impersonation).status()).isEqualTo(200);
        assertAccessible();
        screenshot("tenants-impersonation-banner");

        new Select(browser.findElement(By.id("timezone"))).selectByValue("Asia/Tokyo");
        browser.findElement(By.cssSelector("#general-form button[type=submit]")).click();
        outcomeContaining("General settings saved.");
        String owner = client.post("/api/v1/auth/login", null, Map.of("email", "owner@" + slug + ".test",
                "password", PASSWORD, "tenant", slug)).json().get("accessToken").asText();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = client.get("/api/v1/audit?type=SettingsChangedEvent", owner).json().get("items");
            assertThat(StreamSupport.stream(items.spliterator(), false)
                    .map(item -> item.path("actingSuperadmin").asText()))
                    .contains(superadmin.get("userId").asText());
        });

        browser.findElement(By.cssSelector("[data-exit-impersonation]")).click();
        waitForPath("/dashboard/tenants");
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Tenants");
        assertThat(browser.findElements(By.cssSelector("[data-testid=impersonation-banner]"))).isEmpty();
        assertThat(client.get("/api/v1/tenants/current", impersonation).status()).isEqualTo(401);
    }

    @Test
    void onlySuperadminsGetTheTenantPages() {
        String slug = uniqueSlug("owner");
        client.signup(slug);
        String ownerCookie = sessionCookie(Map.of("email", "owner@" + slug + ".test", "password", PASSWORD,
                "tenant", slug));
        StackClient.Response refused = client.get("/dashboard/tenants", null, Map.of("Cookie", ownerCookie));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.body()).contains("data-testid=\"problem-detail\"");

        String adminCookie = sessionCookie(Map.of("email", stack.superadmin().email(),
                "password", stack.superadmin().password()));
        StackClient.Response badPage = client.get("/dashboard/tenants?page=-1", null, Map.of("Cookie", adminCookie));
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body()).contains("page must be a whole number from 0 up");
        assertThat(client.get("/dashboard/tenants/no-such-tenant", null, Map.of("Cookie", adminCookie)).status())
                .isEqualTo(404);
        assertThat(client.get("/dashboard/tenants/x?v=soon", null, Map.of("Cookie", adminCookie)).body())
                .contains("v must be a whole number");
    }

    private StackClient.Response patch(String token, String id, String body) {
        return client.send("PATCH", "/api/v1/tenants/" + id, token, Map.of(), body);
    }

    /** Signs in the way the console does and answers the session cookie, ready for a Cookie header. */
    private String sessionCookie(Map<String, String> credentials) {
        StackClient.Response login = client.send("POST", "/api/v1/auth/login", null,
                Map.of("X-Requested-With", "tenancy-console"), JSON.valueToTree(credentials).toString());
        assertThat(login.status()).isEqualTo(200);
        return login.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith("tp_session="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).findFirst().orElseThrow();
    }

    /** Submits a form whose success reloads the page; waits for the old page to go (its messages with it). */
    private void submitAndAwaitReload(String formId) {
        WebElement before = browser.findElement(By.tagName("main"));
        browser.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
        await.until(ExpectedConditions.stalenessOf(before));
    }

    private void signOut() {
        browser.findElement(By.cssSelector("[data-sign-out]")).click();
        waitForPath("/signin");
    }

    private List<String> slugs() {
        return browser.findElements(ROW_SLUGS).stream().map(row -> row.getAttribute("data-tenant-slug")).toList();
    }

    private WebElement sortHeader(String field) {
        return browser.findElement(By.cssSelector("th[data-sort-field='" + field + "']"));
    }

    private String pagePosition() {
        return browser.findElement(By.cssSelector("[data-testid=page-position]")).getText().replaceAll("\\s+", " ");
    }

    private String text(String css) {
        return waitFor(By.cssSelector(css)).getText();
    }
}
