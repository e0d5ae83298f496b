package dev.tenancy.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.Map;

/** Sign-up, sign-in, sign-out and the General settings section, in a real browser. */
class ConsoleSignInBrowserTest extends BrowserTest {

    @Test
    void signUpThenChangeGeneralSettingsAndSeeThemKept() {
        String slug = uniqueSlug("browser");
        signUpThroughPage("Browser Org", slug, "STARTER");

        assertThat(outcome()).contains("Welcome");
        assertThat(waitFor(By.cssSelector("[data-testid=tenant-plan]")).getText()).isEqualTo("STARTER");
        new Select(browser.findElement(By.id("timezone"))).selectByValue("Europe/Berlin");
        new Select(browser.findElement(By.id("currency"))).selectByValue("EUR");
        browser.findElement(By.cssSelector("#general-form button[type=submit]")).click();

        outcomeContaining("General settings saved.");
        assertThat(new Select(browser.findElement(By.id("timezone"))).getFirstSelectedOption().getText())
                .isEqualTo("Europe/Berlin");
        String owner = client.post("/api/v1/auth/login", null, Map.of("email", "owner@" + slug + ".test",
                "password", PASSWORD, "tenant", slug)).json().get("accessToken").asText();
        assertThat(client.get("/api/v1/tenants/current/settings", owner).json().get("currency").asText())
                .isEqualTo("EUR");
        assertAccessible();
        assertFitsNarrowScreen();
        screenshot("settings-general");
    }

    @Test
    void invalidFieldsAreNamedBesideThemAndNothingIsCreated() {
        open("/signup");
        type(By.id("name"), "Bad Org");
        type(By.id("slug"), "Not A Slug!");
        type(By.id("ownerEmail"), "not-an-email");
        type(By.id("ownerPassword"), "short");
        browser.findElement(By.cssSelector("#signup-form button[type=submit]")).click();

        waitFor(By.cssSelector("#slug[aria-invalid=true]"));
        assertThat(browser.findElement(By.id("ownerPassword")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("ownerEmail")).getAttribute("aria-invalid")).isEqualTo("true");
        String slugError = browser.findElement(By.id(browser.findElement(By.id("slug"))
                .getAttribute("aria-describedby"))).getText();
        assertThat(slugError).isNotBlank();
        assertThat(outcome()).contains("Invalid fields");
        assertThat(path()).isEqualTo("/signup");
        assertAccessible();
        screenshot("signup-errors");
    }

    @Test
    void aSignedOutVisitorIsSentToSignInAndBroughtBackAfterwards() {
        String slug = uniqueSlug("return");
        client.signup(slug);

        open("/dashboard/tenant/settings?v=0");
        waitForPath("/signin");
        assertThat(browser.getCurrentUrl()).contains("next=/dashboard/tenant/settings?v%3D0");
        type(By.id("email"), "owner@" + slug + ".test");
        type(By.id("password"), PASSWORD);
        type(By.id("tenant"), slug);
        browser.findElement(By.cssSelector("#signin-form button[type=submit]")).click();

        waitForPath("/dashboard/tenant/settings");
        assertThat(browser.getCurrentUrl()).endsWith("?v=0");
    }

    @Test
    void theKeyboardAloneSignsInAndOut() {
        String slug = uniqueSlug("keys");
        client.signup(slug);
        open("/signin");
        waitFor(By.id("email"));

        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(focused().getAttribute("class")).as("the skip link comes first").isEqualTo("skip-link");
        keys.sendKeys(Keys.TAB, "owner@" + slug + ".test", Keys.TAB, PASSWORD, Keys.TAB, slug, Keys.ENTER).perform();
        waitForPath("/dashboard/tenant/settings");

        String signOut = null;
        for (int presses = 0; presses < 40 && signOut == null; presses++) {
            keys.sendKeys(Keys.TAB).perform();
            if (focused().getAttribute("data-sign-out") != null) {
                signOut = focused().getText();
            }
        }
        assertThat(signOut).as("Sign out is reachable with Tab").isEqualTo("Sign out");
        keys.sendKeys(Keys.ENTER).perform();
        waitForPath("/signin");
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    @Test
    void aWrongPasswordIsRefusedWithTheServersReason() {
        String slug = uniqueSlug("wrong");
        client.signup(slug);
        open("/signin");
        type(By.id("email"), "owner@" + slug + ".test");
        type(By.id("password"), "not-the-password-1");
        type(By.id("tenant"), slug);
        browser.findElement(By.cssSelector("#signin-form button[type=submit]")).click();

        assertThat(outcome()).isEqualTo("The email, password or tenant is not right.");
        assertThat(path()).isEqualTo("/signin");
        assertAccessible();
        screenshot("signin");
    }

    @Test
    void signingOutEndsTheSession() {
        String slug = uniqueSlug("signout");
        client.signup(slug);
        signInThroughPage("owner@" + slug + ".test", PASSWORD, slug);

        browser.findElement(By.cssSelector("[data-sign-out]")).click();
        waitForPath("/signin");
        open("/dashboard/tenant/settings");

        waitForPath("/signin");
        assertThat(browser.manage().getCookieNamed("tp_session")).isNull();
    }

    @Test
    void theTenantsAddressBrandsItsSignInPage() {
        String slug = uniqueSlug("brand");
        client.signup(slug);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get("/api/v1/branding?tenant=" + slug, null).status() == 200);

        open("/signin?tenant=" + slug);

        assertThat(waitFor(By.tagName("h1")).getText()).isEqualTo("Sign in to Org " + slug);
        assertThat(browser.findElements(By.id("tenant"))).isEmpty();
        type(By.id("email"), "owner@" + slug + ".test");
        type(By.id("password"), PASSWORD);
        browser.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        waitForPath("/dashboard/tenant/settings");
    }
}
