package gateway.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The README's screenshots of a running server (scripts/screenshots.sh runs it against the demo):
 * the wallboard on a wall screen (1600x900, kiosk), the agents view (1600x900) and the wallboard
 * on a phone (390x844). Runs only when {@code ACD_SCREENSHOT_URL} names the server; signs in with
 * {@code ACD_SCREENSHOT_TOKEN}; writes to {@code ACD_SCREENSHOT_DIR} (default ../docs). Named
 * outside the test pattern, so a build never runs (or skips) it: only {@code -Dtest=DocsScreenshots}.
 */
@EnabledIfEnvironmentVariable(named = "ACD_SCREENSHOT_URL", matches = ".+")
class DocsScreenshots {
    /** How long the demo may take to show waiting callers and talking agents. */
    private static final Duration LOAD = Duration.ofMinutes(3);
    private static final long MAX_BYTES = 300 * 1024;

    @RegisterExtension
    static final ChromiumRig browser = new ChromiumRig();

    @Test
    void wallboardAndAgentsUnderLoad() throws Exception {
        URI base = URI.create(System.getenv("ACD_SCREENSHOT_URL"));
        Path out = Files.createDirectories(Path.of(System.getenv().getOrDefault("ACD_SCREENSHOT_DIR", "../docs")));
        browser.signIn(base, System.getenv("ACD_SCREENSHOT_TOKEN"), "#/wallboard?kiosk", "admin");

        browser.viewport(1600, 900, false);
        showWhenBusy("#/wallboard?kiosk", "section[data-queue] [data-k=waiting]",
                "return [...document.querySelectorAll('section[data-queue] [data-k=waiting]')]"
                        + ".some((e) => /[1-9]/.test(e.textContent));");
        shoot(out.resolve("wallboard.png"));

        showWhenBusy("#/agents", "tr[data-agent]",
                "return document.querySelectorAll('tr[data-agent][data-state=ON_CALL]').length >= 2;");
        shoot(out.resolve("agents.png"));

        browser.viewport(390, 844, true);
        showWhenBusy("#/wallboard", "section[data-queue] [data-k=waiting]",
                "return [...document.querySelectorAll('section[data-queue] [data-k=waiting]')]"
                        + ".some((e) => /[1-9]/.test(e.textContent));");
        shoot(out.resolve("wallboard-phone.png"));
        browser.desktop();
    }

    /** Opens the view and waits until it shows {@code shown} and the demo's load makes {@code busy} true. */
    private static void showWhenBusy(String hash, String shown, String busy) {
        browser.script("location.hash = arguments[0];", hash);
        browser.shown(shown);
        browser.waitUntil(LOAD, busy);
    }

    private static void shoot(Path file) throws Exception {
        browser.asyncScript("document.fonts.ready.then(() => requestAnimationFrame(() => arguments[0]()));");
        byte[] png = browser.screenshot();
        Files.write(file, png);
        System.out.println("screenshot " + file.toAbsolutePath().normalize() + " " + png.length / 1024 + " KB");
        assertTrue(png.length <= MAX_BYTES, file + " is " + png.length / 1024 + " KB, over " + MAX_BYTES / 1024);
    }
}
