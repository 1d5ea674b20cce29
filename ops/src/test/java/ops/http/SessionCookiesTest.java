package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The cookie's lifetime per role, in virtual time, and the CSRF token's tie to one session. */
class SessionCookiesTest {
    private final AtomicLong clock = new AtomicLong(AdminRig.T0);
    private final SessionCookies cookies = new SessionCookies("admin-token", "view-token", clock::get);

    @Test
    void anAdminCookieLastsTwelveHoursAndAViewerOneThirtyDays() {
        String admin = pair(cookies.issue(Role.ADMIN));
        String viewer = pair(cookies.issue(Role.VIEWER));
        clock.addAndGet(12 * 3_600_000L - 1_000);
        assertEquals(Role.ADMIN, cookies.verify(admin).role());
        clock.addAndGet(1_000);
        assertNull(cookies.verify(admin));
        clock.set(AdminRig.T0 + 30 * 86_400_000L - 1_000);
        assertEquals(Role.VIEWER, cookies.verify(viewer).role());
        clock.addAndGet(1_000);
        assertNull(cookies.verify(viewer));
    }

    @Test
    void withoutAWallboardTokenNoViewerCookieIsValid() {
        String viewer = pair(cookies.issue(Role.VIEWER));
        assertNull(new SessionCookies("admin-token", null, clock::get).verify(viewer));
    }

    @Test
    void eachSessionHasItsOwnCsrfToken() {
        String first = pair(cookies.issue(Role.ADMIN));
        SessionCookies.Session one = cookies.verify(first);
        SessionCookies.Session two = cookies.verify(pair(cookies.issue(Role.ADMIN)));
        assertNotEquals(cookies.csrf(one), cookies.csrf(two));
        assertEquals(cookies.csrf(one), cookies.csrf(cookies.verify("theme=dark; " + first)), "the same session, the same token");
    }

    private static String pair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }
}
