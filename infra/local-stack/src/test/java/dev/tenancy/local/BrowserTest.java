package dev.tenancy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Pattern;

/**
 * Base of the web console's browser tests: headless Chromium driven through the machine's chromedriver (Debian
 * packages {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs) against the shared running
 * stack, through the gateway like a person's browser. Without a browser the tests are skipped, never failed.
 * <p>
 * After every test the page's console must hold no error, except the browser's own note of each API answer with a
 * 4xx status, which the tests provoke on purpose (a refused form shows the server's reason).
 * <p>
 * {@code -Dconsole.screenshots=<dir>} makes {@link #screenshot} write PNGs there (see README: the screenshot
 * command); otherwise it does nothing.
 */
abstract class BrowserTest extends StackTest {

    static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
    static final String PASSWORD = "correct-horse-42";
    private static final Pattern EXPECTED_API_REFUSAL =
            Pattern.compile(".*Failed to load resource: the server responded with a status of 4\\d\\d.*");

    ChromeDriver browser;
    WebDriverWait await;

    @BeforeAll
    static void needsBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium/chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER + ": browser tests skipped");
    }

    @BeforeEach
    void openBrowser(@TempDir Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The flags keep Chromium from reaching out to the internet, which this machine's network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // A condition read while a submitted form reloads the page may hold an element of the old page: ask again.
        await = new WebDriverWait(browser, Duration.ofSeconds(30));
        await.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        try {
            assertNoConsoleErrors();
        } finally {
            browser.quit();
        }
    }

    void open(String path) {
        browser.get(stack.baseUrl() + path);
    }

    String path() {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    WebElement waitFor(By locator) {
        return await.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForPath(String path) {
        await.until(driver -> path().equals(path));
    }

    void type(By field, String text) {
        WebElement input = waitFor(field);
        input.clear();
        input.sendKeys(text);
    }

    static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an organisation through the sign-up page and lands on its settings, signed in as its owner. */
    void signUpThroughPage(String name, String slug, String plan) {
        open("/signup");
        type(By.id("name"), name);
        type(By.id("slug"), slug);
        type(By.id("ownerEmail"), "owner@" + slug + ".test");
        type(By.id("ownerPassword"), PASSWORD);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("plan"))).selectByValue(plan);
        browser.findElement(By.cssSelector("#signup-form button[type=submit]")).click();
        waitForPath("/dashboard/tenant/settings");
    }

    /** Signs in through the sign-in page; {@code tenant} null for a superadmin. */
    void signInThroughPage(String email, String password, String tenant) {
        open("/signin");
        type(By.id("email"), email);
        type(By.id("password"), password);
        if (tenant != null) {
            type(By.id("tenant"), tenant);
        }
        browser.findElement(By.cssSelector("#signin-form button[type=submit]")).click();
        await.until(driver -> path().startsWith("/dashboard/"));
    }

    void signInAsSuperadmin() {
        signInThroughPage(stack.superadmin().email(), stack.superadmin().password(), null);
    }

    private static final By OUTCOMES = By.cssSelector("[data-flash], [data-form-success]:not([hidden]), "
            + "[data-form-error]:not([hidden])");

    /** The success or failure message a form or the page shows after an action. */
    String outcome() {
        return await.ignoring(WebDriverException.class).until(driver -> driver.findElements(OUTCOMES).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).findFirst().orElse(null));
    }

    /**
     * Waits until some shown success or failure message contains {@code text}; answers that message. A page that
     * reloads meanwhile takes the elements found with it (the driver then says so in more than one way): look again.
     */
    String outcomeContaining(String text) {
        return await.ignoring(WebDriverException.class).until(driver -> driver.findElements(OUTCOMES)
                .stream().filter(WebElement::isDisplayed).map(WebElement::getText)
                .filter(message -> message.contains(text)).findFirst().orElse(null));
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(javascript, arguments);
    }

    /** Every form control is labelled, images have alt text, the page has one h1 and a language. */
    void assertAccessible() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) script("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                    .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')
                                 && !e.getAttribute('aria-labelledby'))
                    .map(e => e.outerHTML.substring(0, 120));""");
        assertThat(unlabelled).as("form controls without a label").isEmpty();
        assertThat((Long) script("return document.querySelectorAll('img:not([alt])').length;"))
                .as("images without alt").isZero();
        assertThat((Long) script("return document.querySelectorAll('h1').length;")).as("h1 headings").isEqualTo(1L);
        assertThat((String) script("return document.documentElement.lang;")).isNotBlank();
    }

    /** On a phone-sized window nothing overflows sideways (wide tables scroll inside their own box). */
    void assertFitsNarrowScreen() {
        Dimension before = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(375, 800));
        try {
            await.until(driver -> ((Long) script("return window.innerWidth;")) <= 400);
            Long overflow = (Long) script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal overflow at 375 px").isLessThanOrEqualTo(0L);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    void screenshot(String name) {
        String directory = System.getProperty("console.screenshots");
        if (directory == null || directory.isBlank()) {
            return;
        }
        try {
            Path target = Path.of(directory).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertNoConsoleErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !EXPECTED_API_REFUSAL.matcher(message).matches())
                .toList();
        assertThat(errors).as("errors in the browser console").isEmpty();
    }
}
