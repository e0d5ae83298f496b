package dev.tenancy.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The issue's flow "sign up, change settings, see usage" and the Users and API keys and Audit log sections, in a
 * real browser against the running stack.
 */
class ConsoleUsageUsersAuditBrowserTest extends BrowserTest {

    private static final String USAGE = "/dashboard/tenant/settings/usage";
    private static final String USERS = "/dashboard/tenant/settings/users";
    private static final String AUDIT = "/dashboard/tenant/settings/audit";
    private static final long STARTER_CAMPAIGNS = 50;

    @Test
    void signUpChangeASettingThenSeeUsageBarsWarningsAndTodaysBar() {
        String slug = uniqueSlug("usage");
        signUpThroughPage("Usage Org", slug, "STARTER");
        changeTimezoneTo("Europe/Berlin");
        String owner = ownerToken(slug);

        report(owner, "storage", 1536L * 1024 * 1024);
        String version = report(owner, "campaigns", STARTER_CAMPAIGNS * 80 / 100);
        open(USAGE + "?resource=campaigns&v=" + version);

        WebElement campaigns = resource("campaigns");
        assertThat(campaigns.findElement(By.cssSelector("[data-testid=usage-percent]")).getText()).isEqualTo("80%");
        assertThat(campaigns.findElement(By.cssSelector(".meter")).getAttribute("class")).contains("warn");
        assertThat(campaigns.findElement(By.cssSelector("[data-testid=usage-warning]")).getText())
                .contains("Warning:").contains("80% of its limit");
        assertThat(campaigns.getText()).contains("40 / 50").contains("10 remaining");
        assertThat(resource("storage").getText()).contains("1.5 GiB / 5 GiB");
        assertThat(resource("users").findElements(By.cssSelector("[data-testid=usage-warning]"))).isEmpty();
        assertThat(resource("messagesPerMonth").findElement(By.cssSelector("[data-testid=usage-period]")).getText())
                .contains(" – ");
        assertThat(resource("customIntegrations").findElement(By.cssSelector("[data-testid=usage-switch]"))
                .getText()).isEqualTo("Off");

        version = report(owner, "campaigns", STARTER_CAMPAIGNS / 5);
        open(USAGE + "?resource=campaigns&v=" + version);

        campaigns = resource("campaigns");
        assertThat(campaigns.findElement(By.cssSelector("[data-testid=usage-percent]")).getText()).isEqualTo("100%");
        assertThat(campaigns.findElement(By.cssSelector(".meter")).getAttribute("class")).contains("full");
        assertThat(campaigns.findElement(By.cssSelector("[data-testid=usage-warning]")).getText())
                .contains("Limit reached:").contains("reached its limit");
        assertThat(campaigns.getText()).contains("50 / 50").contains("0 remaining");
        WebElement chart = waitFor(By.cssSelector("svg[data-testid=usage-chart]"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.getAttribute("aria-label")).contains("Campaigns").contains("today 50");
        WebElement today = chart.findElement(By.cssSelector("rect.today"));
        assertThat(today.getAttribute("data-used")).isEqualTo("50");
        assertThat(Integer.parseInt(today.getAttribute("height"))).isPositive();
        assertThat(browser.findElement(By.cssSelector("details tr[data-date='" + today.getAttribute("data-date")
                + "']")).getAttribute("textContent")).contains("50");
        assertAccessible();
        screenshotWholePage("settings-usage");
        assertFitsNarrowScreen();
    }

    @Test
    void inviteChangeARoleRemoveAUserAndManageAnApiKey() {
        String slug = uniqueSlug("people");
        signUpThroughPage("People Org", slug, "STARTER");
        open(USERS);
        String invitee = "new@" + slug + ".test";
        type(By.id("invite-email"), invitee);
        new Select(browser.findElement(By.id("invite-role"))).selectByValue("MEMBER");
        browser.findElement(By.cssSelector("#invite-form button[type=submit]")).click();

        outcomeContaining("Invitation created.");
        String token = waitFor(By.id("invitation-token")).getAttribute("value");
        assertThat(token).isNotBlank();
        assertThat(browser.findElement(By.id("invitation-accept")).getAttribute("value"))
                .contains("/api/v1/auth/invitations/accept").contains(token);
        browser.findElement(By.cssSelector("#invitation-secret [data-reload-list]")).click();
        WebElement invitation = waitFor(By.cssSelector("#invitations-table tr[data-email='" + invitee + "']"));
        assertThat(invitation.getText()).contains("MEMBER").contains("pending");
        assertThat(browser.findElement(By.id("invitation-secret")).isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).doesNotContain(token);

        assertThat(client.post("/api/v1/auth/invitations/accept", null,
                Map.of("token", token, "password", PASSWORD)).status()).isEqualTo(201);
        By member = By.cssSelector("#users-table tr[data-email='" + invitee + "']");
        await.until(driver -> {
            open(USERS);
            return !driver.findElements(member).isEmpty();
        });
        new Select(browser.findElement(member).findElement(By.name("role"))).selectByValue("ADMIN");
        browser.findElement(member).findElement(By.cssSelector("button[type=submit]")).click();
        outcomeContaining("Role changed.");
        assertThat(waitFor(member).findElement(By.cssSelector("[data-testid=user-role]")).getText())
                .isEqualTo("ADMIN");

        browser.findElement(member).findElement(By.cssSelector("[data-remove-user]")).click();
        await.until(ExpectedConditions.alertIsPresent()).accept();
        outcomeContaining("User removed.");
        assertThat(browser.findElements(member)).isEmpty();

        String key = createApiKey("ci-reader");
        assertThat(client.get("/api/v1/tenants/current/usage", null, Map.of("X-API-Key", key)).status())
                .isEqualTo(200);
        browser.findElement(By.cssSelector("#key-secret [data-reload-list]")).click();
        By row = By.cssSelector("#keys-table tr[data-key-name='ci-reader']");
        assertThat(waitFor(row).getText()).contains("read").contains("active");
        assertThat(browser.getPageSource()).doesNotContain(key);
        assertAccessible();
        open(USERS);
        screenshotWholePage("settings-users");
        assertFitsNarrowScreen();

        browser.findElement(row).findElement(By.cssSelector("[data-revoke-key]")).click();
        await.until(ExpectedConditions.alertIsPresent()).accept();
        outcomeContaining("API key revoked.");
        assertThat(waitFor(row).findElement(By.cssSelector("[data-testid=key-status]")).getText())
                .startsWith("revoked");
        assertThat(client.get("/api/v1/tenants/current/usage", null, Map.of("X-API-Key", key)).status())
                .isEqualTo(401);
    }

    @Test
    void aFreeTenantsMemberSeesTheListsReadOnly() {
        String slug = uniqueSlug("free");
        client.signup(slug);
        String owner = ownerToken(slug);
        String memberEmail = "member@" + slug + ".test";
        String token = client.post("/api/v1/tenants/current/invitations", owner,
                Map.of("email", memberEmail, "role", "MEMBER")).json().get("token").asText();
        assertThat(client.post("/api/v1/auth/invitations/accept", null,
                Map.of("token", token, "password", PASSWORD)).status()).isEqualTo(201);

        signInThroughPage("owner@" + slug + ".test", PASSWORD, slug);
        open(USERS);
        assertThat(waitFor(By.cssSelector("[data-testid=keys-need-plan]")).getText()).contains("STARTER");
        assertThat(browser.findElements(By.id("api-key-form"))).isEmpty();
        assertThat(browser.findElements(By.id("invite-form"))).hasSize(1);

        browser.findElement(By.cssSelector("[data-sign-out]")).click();
        waitForPath("/signin");
        signInThroughPage(memberEmail, PASSWORD, slug);
        open(USERS);
        waitFor(By.cssSelector("#users-table tr[data-email='owner@" + slug + ".test']"));
        assertThat(browser.findElements(By.id("invite-form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("[data-remove-user], .role-form"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("[data-testid=keys-managers-only]")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.id("keys-table"))).isEmpty();
        assertAccessible();

        open(AUDIT);
        assertThat(waitFor(By.cssSelector("[data-testid=problem-detail]")).getText()).isNotBlank();
        assertThat(browser.findElements(By.id("audit-table"))).isEmpty();
    }

    @Test
    void theAuditLogShowsTheSettingsChangeFiltersItExportsItAndRefusesABadFilter() {
        String slug = uniqueSlug("audit");
        signUpThroughPage("Audit Org", slug, "STARTER");
        changeTimezoneTo("Europe/Berlin");

        By change = By.xpath("//li[@data-testid='audit-change'][contains(., 'Europe/Berlin')]");
        await.until(driver -> {
            open(AUDIT);
            return !driver.findElements(change).isEmpty();
        });
        assertThat(browser.findElement(change).getText()).contains("UTC").contains("→").contains("Europe/Berlin");
        List<WebElement> all = browser.findElements(By.cssSelector("[data-testid=audit-row]"));
        assertThat(all.size()).isGreaterThan(1);
        WebElement settingsRow = browser.findElement(change).findElement(By.xpath("ancestor::tr"));
        String action = settingsRow.findElement(By.cssSelector("[data-testid=audit-action]")).getText();
        assertAccessible();
        screenshotWholePage("settings-audit");
        assertFitsNarrowScreen();

        open(AUDIT + "?size=1");
        By rows = By.cssSelector("[data-testid=audit-row]");
        String newest = waitFor(rows).getAttribute("data-event-id");
        browser.findElement(By.cssSelector("[data-testid=audit-older]")).click();
        await.until(driver -> browser.getCurrentUrl().contains("cursor="));
        assertThat(browser.findElements(rows)).hasSize(1);
        assertThat(waitFor(rows).getAttribute("data-event-id")).isNotEqualTo(newest);

        open(AUDIT);
        type(By.id("filter-action"), action);
        type(By.id("filter-q"), "Europe/Berlin");
        browser.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        await.until(driver -> browser.getCurrentUrl().contains("q=Europe"));
        List<WebElement> filtered = browser.findElements(By.cssSelector("[data-testid=audit-row]"));
        assertThat(filtered).hasSize(1);
        assertThat(filtered.get(0).getText()).contains("Europe/Berlin");
        assertThat(browser.findElement(By.id("filter-q")).getAttribute("value")).isEqualTo("Europe/Berlin");

        String csv = browser.findElement(By.cssSelector("[data-testid=export-csv]")).getAttribute("href");
        assertThat(csv).contains("/api/v1/audit/export").contains("format=csv").contains("q=Europe");
        @SuppressWarnings("unchecked")
        Map<String, Object> export = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0], {credentials: 'same-origin'})
                            .then(r => r.text().then(body => done({status: r.status, body: body,
                                disposition: r.headers.get('content-disposition') || ''})))
                            .catch(e => done({status: -1, body: String(e), disposition: ''}));""", csv);
        assertThat(export.get("status")).isEqualTo(200L);
        assertThat((String) export.get("disposition")).contains("attachment").contains(".csv");
        String body = (String) export.get("body");
        assertThat(body).contains("-> Europe/Berlin");
        assertThat(body.strip().split("\r\n")).as("header and the one selected row").hasSize(2);

        open(AUDIT + "?from=garbage");
        assertThat(waitFor(By.cssSelector("[data-testid=problem-detail]")).getText())
                .contains("from must be an ISO-8601 instant");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Status 400");
        assertAccessible();
    }

    /** The whole page in one picture: the window grows to the page's height for the shot. */
    private void screenshotWholePage(String name) {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) script("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 140, 4000)));
        try {
            screenshot(name);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    private void changeTimezoneTo(String zone) {
        open("/dashboard/tenant/settings");
        new Select(waitFor(By.id("timezone"))).selectByValue(zone);
        browser.findElement(By.cssSelector("#general-form button[type=submit]")).click();
        outcomeContaining("General settings saved.");
    }

    private String ownerToken(String slug) {
        return client.post("/api/v1/auth/login", null, Map.of("email", "owner@" + slug + ".test",
                "password", PASSWORD, "tenant", slug)).json().get("accessToken").asText();
    }

    /** Reports usage as an integration would; answers the tenant version to read it at. */
    private String report(String token, String resource, long delta) {
        StackClient.Response answer = client.post("/api/v1/tenants/current/usage", token, Map.of(
                "resource", resource, "delta", delta, "idempotencyKey", UUID.randomUUID().toString()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.header("X-Tenant-Version");
    }

    private WebElement resource(String key) {
        return waitFor(By.cssSelector("li[data-resource='" + key + "']"));
    }

    private String createApiKey(String name) {
        type(By.id("key-name"), name);
        WebElement usageWrite = browser.findElement(By.cssSelector("#api-key-form input[value='usage:write']"));
        if (!usageWrite.isSelected()) {
            usageWrite.click();
        }
        browser.findElement(By.cssSelector("#api-key-form button[type=submit]")).click();
        outcomeContaining("API key created.");
        String key = waitFor(By.id("key-value")).getAttribute("value");
        assertThat(key).startsWith("tpk_");
        return key;
    }
}
