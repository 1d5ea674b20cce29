package gateway.web;

import gateway.testkit.Await;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the page's tests do with a browser, the same in every browser: the primitives each driver
 * implements (navigation, scripts, real clicks and keys, cookies, viewport, screenshot) and, on
 * them, waits and reads by CSS selector written once in page JavaScript. Elements are named by CSS
 * selector, never held: the page re-renders them. Script arguments are strings, numbers, booleans,
 * lists and maps; a script's {@code arguments[i]} are them, its {@code return} value comes back
 * with whole numbers as {@link Long}, objects as maps.
 */
public interface PageBrowser {
    /** The longest a step of a test waits for the page. */
    Duration WAIT = Duration.ofSeconds(10);

    /**
     * A cookie as the browser keeps it: whether it is hidden from scripts, and its SameSite
     * ({@code Strict}, {@code Lax}, {@code None}).
     */
    record Cookie(String name, boolean httpOnly, String sameSite) {
    }

    /** The browser's name, for messages and figures. */
    String name();

    /** Loads the address and waits until the page has loaded. */
    void open(URI url);

    void reload();

    /** Deletes every cookie the browser holds. */
    void deleteCookies();

    Optional<Cookie> cookie(String name);

    /** Runs {@code js} as a function's body in the page, {@code arguments[i]} being {@code args}; returns its value. */
    Object script(String js, Object... args);

    /** As {@link #script} with a callback as the last argument: waits for the script to call it, returns its value. */
    Object asyncScript(String js, Object... args);

    /** A real mouse click at the centre of the first element matching {@code css}. */
    void click(String css);

    /** Empties the field and types {@code text} into it with real key presses. */
    void type(String css, String text);

    /** Shows the page on a screen this size in CSS pixels; {@code mobile}: as a phone, where the browser can. */
    void viewport(int width, int height, boolean mobile);

    /** Back to the desktop window the browser started with. */
    void desktop();

    /** A PNG of what the viewport shows. */
    byte[] screenshot();

    /** The page's HTML as it is now. */
    default String source() {
        return (String) script("return document.documentElement.outerHTML;");
    }

    /** Polls {@code js} until it returns something other than null, false or an empty string, and returns that. */
    default Object waitUntil(Duration timeout, String js, Object... args) {
        try {
            return Await.value(() -> {
                Object value = script(js, args);
                return value == null || Boolean.FALSE.equals(value) || "".equals(value) ? null : value;
            }, timeout, () -> name() + ": still not true: " + js);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    default Object waitUntil(String js, Object... args) {
        return waitUntil(WAIT, js, args);
    }

    /** Waits until the first element matching {@code css} is shown: laid out, with a size, visible, not transparent. */
    default void shown(String css) {
        waitUntil("""
                const e = document.querySelector(arguments[0]);
                if (!e) return false;
                const box = e.getBoundingClientRect();
                return box.width > 0 && box.height > 0
                  && e.checkVisibility({opacityProperty: true, visibilityProperty: true});
                """, css);
    }

    /** The rendered text of the first element matching {@code css}, trimmed; fails when there is none. */
    default String text(String css) {
        return (String) present(css, "e.innerText.trim()");
    }

    /** The element's attribute, null when it has none; fails when there is no element. */
    default String attribute(String css, String name) {
        return (String) present(css, "e.getAttribute(arguments[1])", name);
    }

    /** How many elements match {@code css} now. */
    default long count(String css) {
        return ((Number) script("return document.querySelectorAll(arguments[0]).length;", css)).longValue();
    }

    /** Chooses the option with this value in the {@code select}, as a user's choice does (input and change events). */
    default void select(String css, String value) {
        Object chosen = present(css, "(e.value = arguments[1], e.value === arguments[1])"
                + " && e.dispatchEvent(new Event('input', {bubbles: true}))"
                + " && e.dispatchEvent(new Event('change', {bubbles: true}))", value);
        if (!Boolean.TRUE.equals(chosen)) {
            throw new IllegalStateException(name() + ": " + css + " has no option " + value);
        }
    }

    /** Evaluates {@code expression} on the first element {@code e} matching {@code css}; fails when there is none. */
    private Object present(String css, String expression, Object... more) {
        Object[] args = Stream.concat(Stream.of(css), Arrays.stream(more)).toArray();
        List<?> result = (List<?>) script("const e = document.querySelector(arguments[0]);"
                + " return e ? [" + expression + "] : [];", args);
        if (result.isEmpty()) {
            throw new IllegalStateException(name() + ": no element " + css);
        }
        return result.get(0);
    }
}
