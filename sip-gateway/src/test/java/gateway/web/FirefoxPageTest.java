package gateway.web;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The supervisor page's scenarios in headless Firefox ESR, over WebDriver BiDi (no geckodriver). */
class FirefoxPageTest extends SupervisorPageScenarios {
    @RegisterExtension
    static final FirefoxRig firefox = new FirefoxRig();

    FirefoxPageTest() {
        super(firefox);
    }
}
