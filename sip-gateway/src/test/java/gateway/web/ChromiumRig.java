package gateway.web;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by Debian's chromedriver (Selenium Manager cannot download one here)
 * through Selenium. Skipped without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}
 * (Debian packages chromium, chromium-driver).
 */
public final class ChromiumRig extends BrowserRig {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    // Selenium logs through java.util.logging, which this build does not route to logback: without
    // the selenium-devtools bindings (not needed: CDP commands go through chromedriver) it warns
    // "Unable to find CDP implementation matching 156" into the build log. JUL holds loggers
    // weakly, so the quieted one is kept here.
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private ChromeDriverService service;
    private ChromeDriver driver;

    @Override
    public String name() {
        return "chromium";
    }

    @Override
    protected String missing() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM) ? null
                : CHROMEDRIVER + " or " + CHROMIUM + " is missing (Debian packages chromium-driver, chromium)";
    }

    @Override
    protected void launch(Path profile, Path output) {
        SELENIUM_LOG.setLevel(Level.SEVERE);
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
    protected void quit() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
        }
    }

    @Override
    public void open(URI url) {
        driver.get(url.toString());
    }

    @Override
    public void reload() {
        driver.navigate().refresh();
    }

    @Override
    public void deleteCookies() {
        driver.manage().deleteAllCookies();
    }

    @Override
    public Optional<Cookie> cookie(String name) {
        return Optional.ofNullable(driver.manage().getCookieNamed(name))
                .map(c -> new Cookie(c.getName(), c.isHttpOnly(), c.getSameSite()));
    }

    @Override
    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    @Override
    public Object asyncScript(String js, Object... args) {
        return driver.executeAsyncScript(js, args);
    }

    @Override
    public void click(String css) {
        driver.findElement(By.cssSelector(css)).click();
    }

    @Override
    public void type(String css, String text) {
        WebElement field = driver.findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }

    @Override
    public void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", mobile));
    }

    @Override
    public void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @Override
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public String source() {
        return driver.getPageSource();
    }
}
