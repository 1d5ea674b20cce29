package ivr.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Pcm;
import ivr.audio.Prompt;
import ivr.play.FakeMediaPort;
import ivr.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MenuSessionTest {
    static final Prompt WELCOME = Prompt.of("welcome", Pcm.silence(3000));
    static final Prompt INVALID = Prompt.of("invalid", Pcm.silence(1000));
    static final Prompt CLOSED = Prompt.of("closed", Pcm.silence(2000));

    final VirtualScheduler clock = new VirtualScheduler();
    final FakeMediaPort media = new FakeMediaPort(clock);
    final List<Destination> results = new ArrayList<>();

    static Menu main(boolean bargeIn, Map<String, Destination> options) {
        return new Menu("main", WELCOME, Duration.ofSeconds(5), Duration.ofSeconds(2), 2, INVALID, bargeIn,
                options, Destination.queue("support"), null);
    }

    static final Map<String, Destination> SALES_SUPPORT = Map.of(
            "1", Destination.queue("sales"),
            "2", Destination.queue("support"),
            "9", Destination.menu("closed"));

    MenuSession start(Menu menu) {
        MenuSession s = new MenuSession(menu, media, clock, results::add);
        s.start();
        return s;
    }

    @Test
    void keyAfterThePromptSelectsItsOption() {
        MenuSession s = start(main(true, SALES_SUPPORT));
        clock.advance(3000);
        assertEquals(MenuSession.State.COLLECTING, s.state());
        clock.advance(1500);
        s.onKey('1');
        assertEquals(List.of(Destination.queue("sales")), results);
        assertEquals(MenuSession.State.DONE, s.state());
        assertEquals(0, clock.pending(), "no timer left behind");
    }

    @Test
    void keyDuringThePromptBargesIn() {
        MenuSession s = start(main(true, SALES_SUPPORT));
        clock.advance(800);
        s.onKey('2');
        assertFalse(media.playing());
        assertEquals(1, media.stops);
        assertEquals(List.of(Destination.queue("support")), results);
        assertEquals(MenuSession.State.DONE, s.state());
    }

    @Test
    void withoutBargeInKeysDuringThePromptAreIgnored() {
        MenuSession s = start(main(false, SALES_SUPPORT));
        clock.advance(800);
        s.onKey('1');
        assertTrue(media.playing());
        assertEquals(List.of(), results);
        clock.advance(2200);
        s.onKey('2');
        assertEquals(List.of(Destination.queue("support")), results);
    }

    @Test
    void silenceReplaysThePromptThenGoesToOtherwise() {
        start(main(true, SALES_SUPPORT));
        clock.advance(7999);
        assertEquals(List.of("welcome"), media.started);
        clock.advance(1);
        assertEquals(List.of("welcome", "welcome"), media.started);
        clock.advance(8000);
        assertEquals(List.of(), results);
        clock.advance(8000); // 3 attempts of 3 s prompt + 5 s timeout
        assertEquals(List.of("welcome", "welcome", "welcome"), media.started);
        assertEquals(List.of(Destination.queue("support")), results);
        assertEquals(24_000, clock.nowMs());
    }

    @Test
    void invalidKeyPlaysTheInvalidPromptAndReplays() {
        MenuSession s = start(main(true, SALES_SUPPORT));
        clock.advance(3500);
        s.onKey('7');
        assertEquals(MenuSession.State.INVALID, s.state());
        assertEquals("invalid", media.current());
        clock.advance(1000);
        assertEquals(MenuSession.State.PROMPT, s.state());
        assertEquals(List.of("welcome", "invalid", "welcome"), media.started);
        clock.advance(3100);
        s.onKey('1');
        assertEquals(List.of(Destination.queue("sales")), results);
    }

    @Test
    void aKeyBargesIntoTheInvalidPromptToo() {
        MenuSession s = start(main(true, SALES_SUPPORT));
        s.onKey('5');
        clock.advance(200);
        s.onKey('2');
        assertEquals(List.of(Destination.queue("support")), results);
        assertEquals(MenuSession.State.DONE, s.state());
    }

    @Test
    void retriesCountInvalidAndSilentAttemptsTogether() {
        MenuSession s = start(main(true, SALES_SUPPORT));
        s.onKey('0'); // invalid, 1 retry left
        clock.advance(1000 + 3000 + 5000); // invalid prompt, welcome, timeout: 0 retries left
        assertEquals(List.of("welcome", "invalid", "welcome", "welcome"), media.started);
        s.onKey('#');
        assertEquals(List.of(Destination.queue("support")), results);
        assertEquals(List.of("welcome", "invalid", "welcome", "welcome"), media.started,
                "no invalid prompt once the retries are spent");
    }

    @Test
    void multiKeyOptionsWaitForTheInterDigitTimeout() {
        Map<String, Destination> options = Map.of(
                "1", Destination.queue("sales"),
                "12", Destination.queue("vip"),
                "34", Destination.transfer("+15550100"));
        MenuSession s = start(main(true, options));
        s.onKey('1');
        s.onKey('2');
        assertEquals(List.of(Destination.queue("vip")), results);

        results.clear();
        s = start(main(true, options));
        s.onKey('1');
        clock.advance(1999);
        assertEquals(List.of(), results);
        clock.advance(1);
        assertEquals(List.of(Destination.queue("sales")), results);

        results.clear();
        s = start(main(true, options));
        s.onKey('3');
        clock.advance(2000); // "3" alone is no option
        assertEquals(MenuSession.State.INVALID, s.state());
    }

    @Test
    void promptOnlyNodeGoesToThen() {
        MenuSession s = start(Menu.announcement("closed", CLOSED, Destination.HANGUP));
        s.onKey('1');
        assertTrue(media.playing(), "keys do not interrupt an announcement");
        clock.advance(2000);
        assertEquals(List.of(Destination.HANGUP), results);
        assertEquals(MenuSession.State.DONE, s.state());
    }

    @Test
    void cancelStopsEverythingAndReportsNothing() {
        MenuSession s = start(main(true, SALES_SUPPORT));
        clock.advance(4000);
        s.cancel();
        clock.advance(60_000);
        assertEquals(List.of(), results);
        assertEquals(0, clock.pending());
        s.onKey('1');
        assertEquals(List.of(), results);
    }

    @Test
    void menuValidationNamesTheMenuAndField() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> new Menu("m", WELCOME,
                Duration.ofSeconds(5), Duration.ofSeconds(2), 1, null, true, SALES_SUPPORT, null, Destination.HANGUP));
        assertEquals("menu m: 'then' is for menus without options; use 'otherwise'", both.getMessage());
        IllegalArgumentException noThen = assertThrows(IllegalArgumentException.class, () -> new Menu("m", WELCOME,
                Duration.ofSeconds(5), Duration.ofSeconds(2), 1, null, true, Map.of(), null, null));
        assertEquals("menu m: a menu without options needs 'then'", noThen.getMessage());
        IllegalArgumentException badKey = assertThrows(IllegalArgumentException.class,
                () -> Menu.choice("m", WELCOME, Map.of("x", Destination.HANGUP), null));
        assertEquals("menu m: option \"x\" must be keys 0-9, *, #, A-D", badKey.getMessage());
        assertEquals(Destination.HANGUP, Menu.choice("m", WELCOME, Map.of("1", Destination.HANGUP), null).otherwise());
        assertNull(Menu.announcement("a", WELCOME, Destination.HANGUP).otherwise());
    }
}
