package gateway.web;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driven by Debian's chromedriver (Selenium Manager cannot
 * download one here), with a fresh profile. A failed test leaves its screenshot and page source in
 * {@code target/browser/<class>.<test>.png|.html}. Without {@code /usr/bin/chromedriver} the class is
 * skipped, or fails when {@code ACD_REQUIRE_BROWSER=1} (CI). Use as
 * {@code @RegisterExtension static final BrowserRig browser = new BrowserRig();}.
 */
public final class BrowserRig implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    public static final String REQUIRE_BROWSER = "ACD_REQUIRE_BROWSER";
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** How often a wait looks again: timings measured by a wait are this coarse. */
    public static final Duration POLL = Duration.ofMillis(50);
    public static final Duration WAIT = Duration.ofSeconds(10);
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 900;

    // Selenium logs through java.util.logging, which this build does not route to logback: without
    // the selenium-devtools bindings (not needed: CDP commands go through chromedriver) it warns
    // "Unable to find CDP implementation matching 156" into the build log. JUL holds loggers
    // weakly, so the quieted one is kept here.
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            String why = CHROMEDRIVER + " or " + CHROMIUM + " is missing (Debian packages chromium-driver, chromium)";
            if ("1".equals(System.getenv(REQUIRE_BROWSER))) {
                Assertions.fail(REQUIRE_BROWSER + "=1 but " + why);
            }
            Assumptions.abort("browser tests skipped: " + why);
        }
        SELENIUM_LOG.setLevel(Level.SEVERE);
        profile = Files.createTempDirectory("acd-chromium-");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream()).build();
        driver = new ChromeDriver(service, options(profile));
    }

    /** Headless, quiet, nothing fetched from the network, audio allowed to play without a click. */
    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile, "--window-size=" + WIDTH + "," + HEIGHT,
                "--autoplay-policy=no-user-gesture-required", "--mute-audio");
        return options;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                deleteTree(profile);
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser"));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            cause.addSuppressed(e); // the page may be gone with the failure; the failure says more
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait that looks every {@link #POLL}. */
    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, POLL);
    }

    /** The element once it is shown, within {@link #WAIT}. */
    public WebElement shown(By by) {
        return waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Runs a script in the page: arguments as {@code arguments[i]}, its {@code return} value back. */
    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs a script whose last argument is the callback it calls with its result. */
    public Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Opens the page signed out (no cookie), at {@code hash}, e.g. {@code #/agents}. */
    public void openSignedOut(URI base, String hash) {
        driver.get(base.resolve("/").toString());
        driver.manage().deleteAllCookies();
        driver.get(base.resolve("/" + hash).toString());
        driver.navigate().refresh();
        shown(By.cssSelector("form#signin"));
    }

    /** Types the token into the sign-in form and submits it. */
    public void submitToken(String token) {
        WebElement input = shown(By.id("token"));
        input.clear();
        input.sendKeys(token);
        driver.findElement(By.cssSelector("form#signin button[type=submit]")).click();
    }

    /** Signs in afresh at {@code hash} and waits for the shell with the role and a live event stream. */
    public void signIn(URI base, String token, String hash, String role) {
        openSignedOut(base, hash);
        submitToken(token);
        shown(By.cssSelector("body[data-role=" + role + "] main#view"));
        waiting(WAIT).until(d -> d.findElement(By.id("conn")).getDomAttribute("data-state").equals("live"));
    }

    /** Shows the page as a device of this size (CSS pixels); {@link #desktop} undoes it. */
    public void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    public void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
