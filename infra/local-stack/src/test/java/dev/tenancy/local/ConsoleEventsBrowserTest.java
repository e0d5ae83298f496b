package dev.tenancy.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The superadmin's event console (search, live tail, event, correlation, aggregate) and projection replays. */
class ConsoleEventsBrowserTest extends BrowserTest {

    private static final By ROWS = By.cssSelector("#event-rows tr[data-event-id]");

    @Test
    void eventsAreListedFilteredByTenantAndANewOneAppearsLive() {
        JsonNode signup = client.signup(uniqueSlug("events"));
        String tenantId = signup.get("tenantId").asText();
        List<String> stored = restEventIds("/api/v1/admin/events?tenantId=" + tenantId);
        String otherTenant = client.signup(uniqueSlug("others")).get("tenantId").asText();
        List<String> others = restEventIds("/api/v1/admin/events?tenantId=" + otherTenant);
        signInAsSuperadmin();

        open("/dashboard/events");
        assertThat(waitFor(ROWS).isDisplayed()).isTrue();
        assertThat(shownEventIds()).containsAll(others).containsAll(stored);
        type(By.id("tenantId"), tenantId);
        browser.findElement(By.cssSelector("#event-filter button[type=submit]")).click();
        await.until(driver -> browser.getCurrentUrl().contains("tenantId=" + tenantId));
        // the tenant's usage is recorded as events of its own later on, so more rows may come than were stored
        assertThat(shownEventIds()).containsAll(stored).doesNotContainAnyElementsOf(others);
        assertThat(browser.findElements(By.cssSelector("#event-rows tr[data-event-id] td:nth-child(3) a")))
                .extracting(link -> link.getDomProperty("textContent")).containsOnly(tenantId)
                .hasSameSizeAs(shownEventIds());
        int listed = shownEventIds().size();
        assertAccessible();
        assertFitsNarrowScreen();

        script("window.stillTheSamePage = true;");
        WebElement live = browser.findElement(By.id("live-toggle"));
        live.click();
        assertThat(live.getDomAttribute("aria-pressed")).isEqualTo("true");
        await.until(driver -> liveStatus().startsWith("Live: waiting"));
        StackClient.Response changed = client.send("PATCH", "/api/v1/tenants/current/settings",
                signup.get("accessToken").asText(), Map.of(), "{\"timezone\":\"Asia/Tokyo\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);

        WebElement arrived = waitFor(By.xpath("//tbody[@id='event-rows']/tr[contains(@class, 'live-new')]"
                + "//a[@data-testid='event-link' and text()='SettingsChangedEvent']"));
        assertThat(shownEventIds()).hasSizeGreaterThan(listed).containsAll(stored);
        assertThat(liveStatus()).matches("Live: \\d+ new events? added on top\\.");
        assertThat(script("return window.stillTheSamePage === true;")).as("no reload").isEqualTo(true);
        script("document.getElementById('results-heading').scrollIntoView();");
        screenshot("events-console");

        live.click();
        assertThat(liveStatus()).isEqualTo("Live off.");
        String arrivedId = arrived.findElement(By.xpath("ancestor::tr")).getDomAttribute("data-event-id");
        arrived.click();
        waitForPath("/dashboard/events/" + arrivedId);
        assertThat(browser.findElement(By.cssSelector("[data-testid=event-payload]")).getText()).contains("Asia/Tokyo");
    }

    @Test
    void anEventShowsPayloadAndMetadataAndLeadsToItsCorrelationAndAggregate() {
        JsonNode signup = client.signup(uniqueSlug("detail"));
        String tenantId = signup.get("tenantId").asText();
        StackClient.Response changed = client.send("PATCH", "/api/v1/tenants/current/settings",
                signup.get("accessToken").asText(), Map.of(), "{\"timezone\":\"America/Lima\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode created = client.get("/api/v1/admin/events?tenantId=" + tenantId + "&type=TenantCreatedEvent",
                superadminToken()).json().at("/items/0");
        String correlationId = created.at("/metadata/correlationId").asText();
        signInAsSuperadmin();

        open("/dashboard/events?tenantId=" + tenantId + "&type=SettingsChangedEvent");
        waitFor(By.cssSelector("#event-rows [data-testid=event-link]")).click();
        await.until(driver -> path().startsWith("/dashboard/events/") && !path().contains("/aggregates/"));
        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("SettingsChangedEvent");
        assertThat(browser.findElement(By.cssSelector("[data-testid=event-payload]")).getText())
                .contains("America/Lima", "\"tenantId\" : \"" + tenantId + "\"");
        assertThat(browser.findElement(By.cssSelector("[data-testid=event-metadata]")).getText())
                .contains("\"tenantId\" : \"" + tenantId + "\"", "\"correlationId\"");
        assertAccessible();
        assertFitsNarrowScreen();
        screenshot("events-detail");

        open("/dashboard/events/" + created.get("eventId").asText());
        browser.findElement(By.cssSelector("[data-testid=correlation-link]")).click();
        waitForPath("/dashboard/events/correlations/" + correlationId);
        List<String> correlated = restEventIds("/api/v1/admin/events?correlationId=" + correlationId);
        Collections.reverse(correlated);
        assertThat(correlated).contains(created.get("eventId").asText());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            // the trace reads the audit index, which has the events within about a second
            driver.navigate().refresh();
            return shownEventIds().equals(correlated);
        });
        assertAccessible();
        screenshot("events-correlation");

        open("/dashboard/events/" + created.get("eventId").asText());
        browser.findElement(By.cssSelector("[data-testid=aggregate-link]")).click();
        waitForPath("/dashboard/events/aggregates/" + tenantId);
        List<String> shown = browser.findElements(By.cssSelector("[data-testid=timeline-table] tbody tr[data-event-id]"))
                .stream().map(row -> row.getDomAttribute("data-event-id")).toList();
        JsonNode history = client.get("/api/v1/admin/aggregates/" + tenantId + "/events", superadminToken()).json();
        List<String> bySequence = new ArrayList<>();
        history.get("items").forEach(item -> bySequence.add(item.get("eventId").asText()));
        assertThat(shown).hasSizeGreaterThanOrEqualTo(3);
        assertThat(bySequence).as("the store's history, which may have grown since").startsWith(
                shown.toArray(String[]::new));
        assertThat(browser.findElements(By.cssSelector("[data-testid=timeline-table] tbody tr[data-sequence]")))
                .extracting(row -> row.getDomAttribute("data-sequence")).startsWith("0", "1");
        assertAccessible();
        screenshot("events-aggregate");

        browser.findElement(By.cssSelector("tr[data-sequence='0'] a[href*='/api/v1/admin/time-travel/']")).click();
        await.until(driver -> browser.findElement(By.tagName("body")).getText().contains(tenantId));
    }

    @Test
    void replayProgressReachesHundredPercent() {
        client.signup(uniqueSlug("replay"));
        signInAsSuperadmin();
        open("/dashboard/projections");
        WebElement card = waitFor(By.cssSelector("[data-projection=impersonations]"));
        assertAccessible();
        assertFitsNarrowScreen();

        card.findElement(By.cssSelector("[data-testid=replay]")).click();
        WebElement progress = card.findElement(By.cssSelector("[data-testid=rebuild-progress]"));
        WebElement status = card.findElement(By.cssSelector("[data-testid=rebuild-status]"));
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(driver -> status.getText()
                .startsWith("Replay completed"));
        assertThat(progress.isDisplayed()).isTrue();
        assertThat(progress.getDomProperty("value")).isEqualTo(progress.getDomProperty("max"));
        long stored = Long.parseLong(progress.getDomProperty("max"));
        assertThat(stored).as("every stored event, the signup's at least").isGreaterThanOrEqualTo(2);
        assertThat(status.getText()).isEqualTo("Replay completed: " + stored + " events.");
        assertThat(card.findElement(By.cssSelector("[data-show=state]")).getText()).isEqualTo("LIVE");
        assertThat(card.findElement(By.cssSelector("[data-testid=replay]")).isEnabled()).isTrue();
        JsonNode view = client.get("/api/v1/admin/projections/impersonations", superadminToken()).json();
        assertThat(view.at("/lastRebuild/phase").asText()).isEqualTo("COMPLETED");
        script("arguments[0].scrollIntoView({block: 'center'});", card);
        screenshot("projections");
    }

    @Test
    void anInvalidFilterShowsTheErrorPage() {
        signInAsSuperadmin();
        open("/dashboard/events");
        browser.findElement(By.cssSelector(".more-filters summary")).click();
        type(By.id("from"), "soon");
        browser.findElement(By.cssSelector("#event-filter button[type=submit]")).click();

        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Invalid filter");
        assertThat(browser.findElement(By.cssSelector("[data-testid=problem-detail]")).getText())
                .contains("from must be an ISO-8601 instant");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Status 400");
        assertAccessible();
    }

    private List<String> shownEventIds() {
        return browser.findElements(ROWS).stream().map(row -> row.getDomAttribute("data-event-id")).toList();
    }

    private String liveStatus() {
        return browser.findElement(By.id("live-status")).getText();
    }

    private List<String> restEventIds(String path) {
        List<String> ids = new ArrayList<>();
        client.get(path, superadminToken()).json().get("items").forEach(item -> ids.add(item.get("eventId").asText()));
        return ids;
    }
}
