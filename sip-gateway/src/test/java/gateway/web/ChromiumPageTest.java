package gateway.web;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The supervisor page's scenarios in headless Chromium, through Selenium and Debian's chromedriver. */
class ChromiumPageTest extends SupervisorPageScenarios {
    @RegisterExtension
    static final ChromiumRig chromium = new ChromiumRig();

    ChromiumPageTest() {
        super(chromium);
    }
}
