package dev.tenancy.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenancy.command.identity.Totp;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The Security, Branding and Compliance settings sections, in a real browser. */
class ConsoleSettingsBrowserTest extends BrowserTest {

    private static final String SECURITY = "/dashboard/tenant/settings/security";
    private static final String BRANDING = "/dashboard/tenant/settings/branding";
    private static final String COMPLIANCE = "/dashboard/tenant/settings/compliance";

    @Test
    void securitySettingsAreKeptABadRangeIsRefusedBesideTheListAndTheSecretIsNeverShown() {
        String slug = uniqueSlug("security");
        signUpThroughPage("Security Org", slug, "STARTER");
        open(SECURITY);

        type(By.id("ipAllowList"), "10.0.0.0/8\nnot-a-range");
        submit("security-form");
        assertThat(errorBeside("ipAllowList")).contains("Line 2").contains("CIDR");
        assertThat(settings(slug).at("/security/ipAllowList").size()).as("nothing saved").isZero();

        browser.findElement(By.id("ipAllowList")).clear();
        type(By.id("sessionTimeoutMinutes"), "90");
        browser.findElement(By.id("ssoEnabled")).click();
        type(By.id("ssoIssuer"), "https://login.example.test");
        type(By.id("ssoClientId"), "console-app");
        type(By.id("ssoClientSecret"), "very-secret-value");
        submitAndAwaitReload("security-form");

        outcomeContaining("Security settings saved.");
        assertThat(waitFor(By.id("sessionTimeoutMinutes")).getAttribute("value")).isEqualTo("90");
        assertThat(browser.findElement(By.id("ssoEnabled")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("ssoClientId")).getAttribute("value")).isEqualTo("console-app");
        assertThat(browser.findElement(By.id("ssoClientSecret")).getAttribute("value")).isEmpty();
        assertThat(waitFor(By.cssSelector("[data-testid=secret-set]")).getText()).contains("a secret is set");
        assertThat(browser.getPageSource()).doesNotContain("very-secret-value");
        JsonNode saved = settings(slug);
        assertThat(saved.at("/security/sessionTimeoutMinutes").asInt()).isEqualTo(90);
        assertThat(saved.at("/security/sso/issuer").asText()).isEqualTo("https://login.example.test");
        assertThat(saved.at("/security/sso/clientSecret").asText()).isEqualTo("********");
        assertAccessible();
    }

    @Test
    void anAuthenticatorAppSetUpOnThePageIsAskedForAtTheNextSignIn() {
        String slug = uniqueSlug("mfa");
        signUpThroughPage("Mfa Org", slug, "FREE");
        open(SECURITY);
        assertThat(waitFor(By.cssSelector("[data-testid=mfa-status]")).getText()).isEqualTo("Off");

        browser.findElement(By.id("mfa-enroll")).click();
        String secret = waitFor(By.cssSelector("[data-testid=mfa-secret]")).getText();
        assertThat(browser.findElement(By.cssSelector("[data-testid=mfa-uri]")).getText())
                .startsWith("otpauth://totp/").contains("secret=" + secret);
        type(By.id("mfa-code"), "abcdef");
        submit("mfa-confirm-form");
        assertThat(outcomeContaining("code is wrong")).contains("authenticator or recovery code");

        type(By.id("mfa-code"), Totp.code(secret, Instant.now()));
        submit("mfa-confirm-form");
        waitFor(By.cssSelector("[data-testid=recovery-codes]"));
        assertThat(browser.findElements(By.cssSelector("[data-testid=recovery-codes] li"))).hasSize(10);
        assertThat(browser.findElement(By.cssSelector("[data-testid=mfa-status]")).getText()).isEqualTo("On");
        assertAccessible();
        screenshot("settings-security");

        // the page reads the users read model, which has the switch once it has projected it
        await.until(driver -> {
            open(SECURITY);
            return waitFor(By.cssSelector("[data-testid=mfa-status]")).getText().equals("On");
        });
        browser.findElement(By.cssSelector("[data-sign-out]")).click();
        waitForPath("/signin");
        type(By.id("email"), "owner@" + slug + ".test");
        type(By.id("password"), PASSWORD);
        type(By.id("tenant"), slug);
        browser.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        // the confirming code's time step is used up; an authenticator shows the next one soon after
        type(By.id("code"), Totp.code(secret, Instant.now().plusSeconds(Totp.STEP_SECONDS)));
        browser.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        await.until(driver -> path().startsWith("/dashboard/")
                || !driver.findElements(By.cssSelector("#signin-form [data-form-error]:not([hidden])")).isEmpty());
        assertThat(path()).as(() -> "sign-in with the code: " + browser.findElements(
                By.cssSelector("#signin-form [data-form-error]")).stream().map(WebElement::getText).toList())
                .isEqualTo("/dashboard/tenant/settings");
    }

    @Test
    void aNewPasswordKeepsThisSessionAndSigningOutEverywhereEndsEveryOther() {
        String slug = uniqueSlug("password");
        signUpThroughPage("Password Org", slug, "FREE");
        open(SECURITY);

        type(By.id("currentPassword"), "not-the-password-1");
        type(By.id("newPassword"), "battery-staple-horse-7");
        submit("password-form");
        outcomeContaining("The current password is not right.");
        assertThat(login(slug, "battery-staple-horse-7").status()).isEqualTo(401);

        type(By.id("currentPassword"), PASSWORD);
        type(By.id("newPassword"), "battery-staple-horse-7");
        submitAndAwaitReload("password-form");
        outcomeContaining("Password changed.");
        assertThat(path()).isEqualTo(SECURITY);
        StackClient.Response other = login(slug, "battery-staple-horse-7");
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        String otherSession = other.json().get("accessToken").asText();
        assertThat(client.get("/api/v1/tenants/current", otherSession).status()).isEqualTo(200);

        browser.findElement(By.id("sign-out-everywhere")).click();
        await.until(ExpectedConditions.alertIsPresent()).accept();
        waitForPath("/signin");
        assertThat(client.get("/api/v1/tenants/current", otherSession).status()).isEqualTo(401);
        open(SECURITY);
        waitForPath("/signin");
    }

    @Test
    void theBrandingPreviewFollowsTypingInsideItsFrameAndSavedBrandingIsKept() {
        String slug = uniqueSlug("brand");
        signUpThroughPage("Brand Org", slug, "ENTERPRISE");
        open(BRANDING);

        type(By.id("primaryColor"), "#aa3300");
        WebElement frame = waitFor(By.cssSelector("[data-branding-preview]"));
        await.until(driver -> frame.getAttribute("srcdoc").contains("--brand:#aa3300"));
        browser.switchTo().frame(frame);
        try {
            await.until(driver -> driver.findElement(By.id("preview-primary")).getCssValue("background-color")
                    .equals("rgba(170, 51, 0, 1)"));
        } finally {
            browser.switchTo().defaultContent();
        }
        assertThat(browser.findElement(By.cssSelector("[data-color-for=primaryColor]")).getAttribute("value"))
                .as("the picker follows the text").isEqualTo("#aa3300");

        type(By.id("customCss"), "} section.card { border: 5px solid rgb(0, 128, 0); } body { display: none; }");
        await.until(driver -> frame.getAttribute("srcdoc").contains("display: none"));
        assertThat(browser.findElement(By.tagName("body")).isDisplayed()).as("the CSS stays in the preview").isTrue();
        assertThat(browser.findElement(By.cssSelector("section.card")).getCssValue("border-top-width"))
                .isEqualTo("1px");

        type(By.id("logoUrl"), "http://insecure.example.test/logo.png");
        browser.findElement(By.id("customCss")).clear();
        submit("branding-form");
        assertThat(errorBeside("logoUrl")).contains("https");
        assertThat(branding(slug).path("primaryColor").isMissingNode() || branding(slug).get("primaryColor").isNull())
                .as("nothing saved").isTrue();

        browser.findElement(By.id("logoUrl")).clear();
        type(By.id("secondaryColor"), "#113355");
        type(By.id("customCss"), ".card { border-width: 3px; }");
        submitAndAwaitReload("branding-form");

        outcomeContaining("Branding saved.");
        assertThat(waitFor(By.id("primaryColor")).getAttribute("value")).isEqualTo("#aa3300");
        assertThat(browser.findElement(By.id("customCss")).getAttribute("value")).isEqualTo(".card { border-width: 3px; }");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("style")).contains("#aa3300");
        assertThat(branding(slug).get("secondaryColor").asText()).isEqualTo("#113355");
        assertAccessible();
        assertFitsNarrowScreen();
        screenshot("settings-branding");
    }

    @Test
    void aTenantWithoutWhiteLabelSeesWhichPlanHasItAndItsPrice() {
        String slug = uniqueSlug("upgrade");
        signUpThroughPage("Upgrade Org", slug, "FREE");
        open(BRANDING);

        String notice = waitFor(By.cssSelector("[data-testid=branding-upgrade]")).getText();
        assertThat(notice).contains("ENTERPRISE").contains("FREE").contains("$0 per month");
        assertThat(browser.findElement(By.cssSelector("[data-testid=upgrade-price]")).getText())
                .contains("custom pricing");
        assertThat(browser.findElements(By.id("branding-form"))).isEmpty();
        StackClient.Response refused = client.send("PATCH", "/api/v1/tenants/current/branding", ownerToken(slug),
                Map.of(), "{\"primaryColor\":\"#123456\"}");
        assertThat(refused.status()).as("the notice tells the truth").isEqualTo(403);
        assertAccessible();
        screenshot("settings-branding-upgrade");
    }

    @Test
    void complianceSettingsAreKeptARetentionOfZeroIsRefusedAndTheDpaIsAcceptedByName() {
        String slug = uniqueSlug("gdpr");
        signUpThroughPage("Gdpr Org", slug, "PROFESSIONAL");
        open(COMPLIANCE);
        assertThat(waitFor(By.cssSelector("[data-testid=dpa-state]")).getText()).contains("Not accepted");
        assertThat(browser.findElement(By.id("retention-contacts")).getAttribute("value")).isEqualTo("730");

        type(By.id("retention-messages"), "0");
        submit("compliance-form");
        assertThat(errorBeside("retention-messages")).contains("1 to 3650");
        assertThat(settings(slug).at("/compliance/retentionDays/messages").asInt()).isEqualTo(365);

        type(By.id("retention-messages"), "30");
        new Select(browser.findElement(By.id("dataRegion"))).selectByValue("us");
        browser.findElement(By.id("auditLogging")).click();
        submitAndAwaitReload("compliance-form");
        outcomeContaining("Compliance settings saved.");
        assertThat(waitFor(By.id("retention-messages")).getAttribute("value")).isEqualTo("30");
        assertThat(new Select(browser.findElement(By.id("dataRegion"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("us");
        assertThat(browser.findElement(By.id("auditLogging")).isSelected()).isFalse();

        clickAndAwaitReload(By.id("accept-dpa"));
        outcomeContaining("Data processing agreement accepted.");
        assertThat(waitFor(By.cssSelector("[data-testid=dpa-state]")).getText()).contains("Accepted")
                .contains("owner@" + slug + ".test");
        JsonNode compliance = settings(slug).get("compliance");
        assertThat(compliance.get("dataRegion").asText()).isEqualTo("us");
        assertThat(compliance.get("auditLogging").asBoolean()).isFalse();
        assertThat(compliance.at("/retentionDays/messages").asInt()).isEqualTo(30);
        assertThat(compliance.get("dpaAcceptedBy").asText()).isEqualTo("owner@" + slug + ".test");
        assertThat(Instant.parse(compliance.get("dpaAcceptedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertAccessible();
        assertFitsNarrowScreen();
        screenshot("settings-compliance");
    }

    @Test
    void aMemberSeesTheOrganisationsSettingsReadOnlyButManagesTheirOwnSignIn() {
        String slug = uniqueSlug("member");
        StackClient.Response signup = client.post("/api/v1/tenants/signup", null, Map.of("name", "Member Org",
                "slug", slug, "ownerEmail", "owner@" + slug + ".test", "ownerPassword", PASSWORD,
                "plan", "ENTERPRISE"));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        String owner = signup.json().get("accessToken").asText();
        StackClient.Response invited = client.send("POST", "/api/v1/tenants/current/invitations", owner, Map.of(),
                "{\"email\":\"member@" + slug + ".test\",\"role\":\"MEMBER\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        StackClient.Response accepted = client.post("/api/v1/auth/invitations/accept", null,
                Map.of("token", invited.json().get("token").asText(), "password", PASSWORD));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        signInThroughPage("member@" + slug + ".test", PASSWORD, slug);

        open(SECURITY);
        assertThat(waitFor(By.id("sessionTimeoutMinutes")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("ssoClientSecret")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("mfa-enroll")).isEnabled()).as("their own sign-in").isTrue();
        assertThat(browser.findElement(By.id("currentPassword")).isEnabled()).isTrue();
        assertAccessible();

        open(BRANDING);
        assertThat(waitFor(By.id("primaryColor")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("customCss")).isEnabled()).isFalse();

        open(COMPLIANCE);
        assertThat(waitFor(By.id("retention-messages")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("dataRegion")).isEnabled()).isFalse();
        assertThat(browser.findElements(By.id("accept-dpa"))).isEmpty();
        assertAccessible();
    }

    private void submit(String formId) {
        browser.findElement(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    /** After an earlier refusal its message stays until the page reloads: wait for the new page before reading. */
    private void submitAndAwaitReload(String formId) {
        clickAndAwaitReload(By.cssSelector("#" + formId + " button[type=submit]"));
    }

    private void clickAndAwaitReload(By control) {
        script("document.documentElement.dataset.beforeClick = 'yes';");
        browser.findElement(control).click();
        // while the page is replaced the driver may briefly fail to reach it
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(driver -> (Boolean) script("return document.readyState === 'complete'"
                        + " && document.documentElement.dataset.beforeClick === undefined;"));
    }

    /** The server's message shown beside the field, once the field is marked invalid. */
    private String errorBeside(String fieldId) {
        WebElement field = waitFor(By.cssSelector("#" + fieldId + "[aria-invalid=true]"));
        return browser.findElement(By.id(field.getAttribute("aria-describedby"))).getText();
    }

    private static StackClient.Response login(String slug, String password) {
        return client.post("/api/v1/auth/login", null, Map.of("email", "owner@" + slug + ".test",
                "password", password, "tenant", slug));
    }

    private static String ownerToken(String slug) {
        return login(slug, PASSWORD).json().get("accessToken").asText();
    }

    private static JsonNode settings(String slug) {
        return client.get("/api/v1/tenants/current/settings", ownerToken(slug)).json();
    }

    private static JsonNode branding(String slug) {
        return client.get("/api/v1/tenants/current/branding", ownerToken(slug)).json();
    }
}
