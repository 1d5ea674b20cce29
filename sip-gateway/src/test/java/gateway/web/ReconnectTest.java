package gateway.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A page that loses its event stream says so and comes back by itself: the server stops under a
 * signed-in page and starts again on the same ports (the session cookie outlives the restart).
 */
class ReconnectTest {
    @RegisterExtension
    static final BrowserRig browser = new BrowserRig();

    @TempDir
    Path dir;

    @Test
    void aLostEventStreamShowsTheReconnectingBannerAndRecovers() throws Exception {
        try (CallCenterRig rig = CallCenterRig.start(dir)) {
            browser.signIn(rig.base(), CallCenterRig.ADMIN_TOKEN, "#/wallboard", "admin");
            browser.shown(By.cssSelector("section[data-queue=sales]"));

            rig.stopServer();
            WebElement banner = browser.shown(By.cssSelector("#conn[data-state=reconnecting]"));
            assertFalse(banner.getText().isBlank(), "the banner says the connection is lost");

            rig.restartServer();
            browser.waiting(BrowserRig.WAIT).until(d -> "live".equals(d.findElement(By.id("conn")).getDomAttribute("data-state")));
            assertTrue(browser.driver().findElement(By.id("conn")).getText().isBlank(), "no banner once live");
            browser.shown(By.cssSelector("body[data-role=admin] section[data-queue=sales] [data-k=waiting]"));
        }
    }
}
