package gateway.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * One headless browser per test class, with a fresh profile deleted after it, and the supervisor
 * page's sign-in on top of {@link PageBrowser}. A failed test leaves its screenshot, page source
 * and (where the browser reports them) console messages in {@code target/browser/<class>.<test>.*}.
 * When the browser is not installed the class is skipped, or fails when
 * {@code ACD_REQUIRE_BROWSER=1} (CI). Use as {@code @RegisterExtension static final ChromiumRig
 * browser = new ChromiumRig();}.
 */
public abstract class BrowserRig implements PageBrowser, BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        TestWatcher {
    public static final String REQUIRE_BROWSER = "ACD_REQUIRE_BROWSER";
    public static final int WIDTH = 1400;
    public static final int HEIGHT = 900;
    /** Where failures and the browsers' own output go, under the module's directory. */
    static final Path OUTPUT = Path.of("target", "browser");

    /** Whether this class has a browser to drive. */
    private enum State { IDLE, RUNNING, STOPPED }

    private State state = State.IDLE;
    private Path profile;

    /** Why the browser cannot run here (e.g. a missing program, with the Debian packages to install), or null. */
    protected abstract String missing();

    /** Starts the browser on {@code profile}, its own output to {@code output}. */
    protected abstract void launch(Path profile, Path output) throws Exception;

    /** Stops the browser; called once, also after a failed launch. */
    protected abstract void quit();

    /** What the page logged to its console since the test began, where the browser reports it; kept with a failure. */
    protected String console() {
        return "";
    }

    /** A test begins: {@link #console} starts afresh. */
    protected void consoleFromHere() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String why = missing();
        if (why != null) {
            if ("1".equals(System.getenv(REQUIRE_BROWSER))) {
                Assertions.fail(REQUIRE_BROWSER + "=1 but " + why);
            }
            Assumptions.abort(name() + " tests skipped: " + why);
        }
        profile = Files.createTempDirectory("acd-" + name() + "-");
        state = State.RUNNING;
        Files.createDirectories(OUTPUT);
        launch(profile, OUTPUT.resolve(name() + "-" + context.getRequiredTestClass().getSimpleName() + ".log"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (state == State.RUNNING) {
            consoleFromHere();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (state != State.RUNNING) {
            return;
        }
        state = State.STOPPED;
        try {
            quit();
        } finally {
            deleteTree(profile);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (state != State.RUNNING) {
            return;
        }
        Path stem = OUTPUT.resolve(context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName());
        try {
            Files.createDirectories(OUTPUT);
            Files.writeString(stem.resolveSibling(stem.getFileName() + ".console.txt"), console());
            Files.write(stem.resolveSibling(stem.getFileName() + ".png"), screenshot());
            Files.writeString(stem.resolveSibling(stem.getFileName() + ".html"), source(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            cause.addSuppressed(e); // the page may be gone with the failure; the failure says more
        }
    }

    /** Opens the page signed out (no cookie), at {@code hash}, e.g. {@code #/agents}. */
    public void openSignedOut(URI base, String hash) {
        open(base.resolve("/"));
        deleteCookies();
        open(base.resolve("/" + hash));
        reload(); // the same document with another hash: loaded again, without the cookie
        shown("form#signin");
    }

    /** Types the token into the sign-in form and submits it. */
    public void submitToken(String token) {
        shown("#token");
        type("#token", token);
        click("form#signin button[type=submit]");
    }

    /** Signs in afresh at {@code hash} and waits for the shell with the role and a live event stream. */
    public void signIn(URI base, String token, String hash, String role) {
        openSignedOut(base, hash);
        submitToken(token);
        shown("body[data-role=" + role + "] main#view");
        waitUntil("return document.getElementById('conn').dataset.state === 'live';");
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
