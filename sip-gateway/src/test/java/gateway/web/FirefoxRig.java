package gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import gateway.testkit.Await;
import gateway.testkit.bidi.BidiClient;
import gateway.testkit.bidi.BidiException;
import gateway.testkit.bidi.RemoteValues;
import gateway.testkit.bidi.RemoteValues.Node;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Firefox ESR driven over WebDriver BiDi, which it speaks itself: no geckodriver (Debian
 * does not package it and it cannot be downloaded here). Started on a fresh profile whose
 * {@code user.js} (firefox-user.js beside this class) keeps it quiet and offline, on a port it
 * picks and prints; its own output goes to {@code target/browser/firefox-<class>.log}. Skipped
 * without {@code /usr/bin/firefox-esr} (Debian package firefox-esr). Firefox has no phone
 * emulation over BiDi: {@link #viewport} sizes the page only.
 */
public final class FirefoxRig extends BrowserRig {
    static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    /** A first start on a fresh profile, on a loaded machine. */
    private static final Duration START = Duration.ofSeconds(60);
    /** One command; a navigation or an asynchronous script included. */
    private static final Duration COMMAND = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private static final int CONSOLE_KEPT = 200;

    private final Deque<String> console = new ConcurrentLinkedDeque<>();
    private Process process;
    private BidiClient bidi;
    private String context;

    @Override
    public String name() {
        return "firefox";
    }

    @Override
    protected String missing() {
        return Files.isExecutable(FIREFOX) ? null : FIREFOX + " is missing (Debian package firefox-esr)";
    }

    @Override
    protected void launch(Path profile, Path output) throws Exception {
        try (InputStream prefs = FirefoxRig.class.getResourceAsStream("firefox-user.js")) {
            Files.copy(prefs, profile.resolve("user.js"));
        }
        ProcessBuilder builder = new ProcessBuilder(FIREFOX.toString(), "--headless", "--no-remote", "--profile",
                profile.toString(), "--remote-debugging-port", "0").redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("MOZ_CRASHREPORTER_DISABLE", "1");
        process = builder.start();
        URI listening = Await.value(() -> listening(output), START,
                () -> "Firefox did not say where it listens for WebDriver BiDi; its output is in " + output);
        bidi = BidiClient.connect(URI.create(listening + "/session"), COMMAND);
        context = bidi.send("browsingContext.getTree", Map.of()).path("contexts").get(0).path("context").asText();
        bidi.onEvent(this::logged);
        bidi.send("session.subscribe", Map.of("events", List.of("log.entryAdded")));
        desktop();
    }

    /** The WebSocket address Firefox printed once it listens, or null until then. */
    private URI listening(Path output) throws Exception {
        Matcher m = LISTENING.matcher(Files.readString(output, StandardCharsets.ISO_8859_1)); // any bytes it prints
        if (m.find()) {
            return URI.create(m.group(1));
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("Firefox exited with " + process.exitValue() + "; its output is in "
                    + output);
        }
        return null;
    }

    private void logged(JsonNode event) {
        if ("log.entryAdded".equals(event.path("method").asText())) {
            JsonNode entry = event.path("params");
            console.addLast(entry.path("level").asText() + " " + entry.path("text").asText());
            while (console.size() > CONSOLE_KEPT) {
                console.pollFirst();
            }
        }
    }

    @Override
    protected String console() {
        return String.join("\n", new ArrayList<>(console));
    }

    @Override
    protected void consoleFromHere() {
        console.clear();
    }

    @Override
    protected void quit() {
        try {
            if (bidi != null) {
                bidi.send("browser.close", Map.of(), Duration.ofSeconds(5));
            }
        } catch (BidiException closedBeforeAnswering) {
            // the process is stopped below either way
        } finally {
            if (bidi != null) {
                bidi.close();
            }
            stop();
        }
    }

    /** Waits for Firefox to exit; kills it and its content processes if it does not. */
    private void stop() {
        if (process == null) {
            return;
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Override
    public void open(URI url) {
        bidi.send("browsingContext.navigate", Map.of("context", context, "url", url.toString(), "wait", "complete"));
    }

    @Override
    public void reload() {
        bidi.send("browsingContext.reload", Map.of("context", context, "wait", "complete"));
    }

    @Override
    public void deleteCookies() {
        bidi.send("storage.deleteCookies", Map.of());
    }

    @Override
    public Optional<Cookie> cookie(String name) {
        JsonNode cookies = bidi.send("storage.getCookies", Map.of("filter", Map.of("name", name))).path("cookies");
        if (cookies.isEmpty()) {
            return Optional.empty();
        }
        String sameSite = cookies.get(0).path("sameSite").asText(); // strict, lax, none: as Strict, Lax, None
        String capitalised = sameSite.isEmpty() ? sameSite
                : sameSite.substring(0, 1).toUpperCase(Locale.ROOT) + sameSite.substring(1);
        return Optional.of(new Cookie(name, cookies.get(0).path("httpOnly").asBoolean(), capitalised));
    }

    @Override
    public Object script(String js, Object... args) {
        return call("function() {\n" + js + "\n}", false, js, args);
    }

    @Override
    public Object asyncScript(String js, Object... args) {
        // as WebDriver classic's: the script gets a callback as its last argument and ends by calling it
        String function = "function() { return new Promise((resolve) => {\n"
                + "(function() {\n" + js + "\n}).apply(this, [...arguments, resolve]);\n}); }";
        return call(function, true, js, args);
    }

    private Object call(String function, boolean awaitPromise, String js, Object... args) {
        JsonNode result = bidi.send("script.callFunction", Map.of("functionDeclaration", function,
                "awaitPromise", awaitPromise, "target", Map.of("context", context),
                "arguments", Arrays.stream(args).map(RemoteValues::local).toList()));
        if ("exception".equals(result.path("type").asText())) {
            throw new BidiException(name() + ": the script threw " + result.path("exceptionDetails").path("text")
                    .asText() + "\n" + js);
        }
        return RemoteValues.java(result.path("result"));
    }

    @Override
    public void click(String css) {
        Object found = script("const e = document.querySelector(arguments[0]);"
                + " if (e) e.scrollIntoView({block: 'center', inline: 'center'}); return e;", css);
        if (!(found instanceof Node node)) {
            throw new IllegalStateException(name() + ": no element " + css);
        }
        Map<String, Object> centre = Map.of("type", "pointerMove", "x", 0, "y", 0,
                "origin", Map.of("type", "element", "element", node.reference()));
        perform(Map.of("type", "pointer", "id", "mouse", "parameters", Map.of("pointerType", "mouse"),
                "actions", List.of(centre, Map.of("type", "pointerDown", "button", 0),
                        Map.of("type", "pointerUp", "button", 0))));
    }

    @Override
    public void type(String css, String text) {
        script("const e = document.querySelector(arguments[0]);"
                + " e.value = ''; e.dispatchEvent(new Event('input', {bubbles: true}));", css);
        click(css); // the focus, where a user's click puts it
        List<Map<String, Object>> keys = new ArrayList<>();
        text.codePoints().mapToObj(Character::toString).forEach(key -> {
            keys.add(Map.of("type", "keyDown", "value", key));
            keys.add(Map.of("type", "keyUp", "value", key));
        });
        perform(Map.of("type", "key", "id", "keyboard", "actions", keys));
    }

    private void perform(Map<String, Object> source) {
        bidi.send("input.performActions", Map.of("context", context, "actions", List.of(source)));
    }

    @Override
    public void viewport(int width, int height, boolean mobile) {
        bidi.send("browsingContext.setViewport", Map.of("context", context,
                "viewport", Map.of("width", width, "height", height), "devicePixelRatio", 1));
    }

    @Override
    public void desktop() {
        viewport(WIDTH, HEIGHT, false);
    }

    @Override
    public byte[] screenshot() {
        return Base64.getDecoder().decode(bidi.send("browsingContext.captureScreenshot", Map.of("context", context))
                .path("data").asText());
    }
}
