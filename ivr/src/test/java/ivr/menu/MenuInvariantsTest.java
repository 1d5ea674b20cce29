package ivr.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.audio.Pcm;
import ivr.audio.Prompt;
import ivr.play.FakeMediaPort;
import ivr.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Thousands of callers pressing random keys at random times, some hanging up. */
class MenuInvariantsTest {
    static final String KEYS = "0123456789*#";

    static MenuSet tree() {
        Prompt p = Prompt.of("p", Pcm.silence(1500));
        Prompt invalid = Prompt.of("invalid", Pcm.silence(700));
        return new MenuSet(List.of(
                new Menu("main", p, Duration.ofSeconds(3), Duration.ofSeconds(1), 2, invalid, true,
                        Map.of("1", Destination.queue("sales"), "2", Destination.menu("support"),
                                "0", Destination.menu("main"), "9", Destination.menu("closed"),
                                "#7", Destination.voicemail("sales")),
                        Destination.queue("support"), null),
                new Menu("support", p, Duration.ofSeconds(2), Duration.ofSeconds(1), 1, null, false,
                        Map.of("1", Destination.queue("support"), "2", Destination.transfer("+15550100"),
                                "*", Destination.menu("main")),
                        Destination.HANGUP, null),
                Menu.announcement("closed", p, Destination.HANGUP)));
    }

    @Test
    void everyCallerLeavesOnceOrHangsUpAndLeavesNothingRunning() {
        Random random = new Random(4733);
        MenuSet menus = tree();
        for (int call = 0; call < 3000; call++) {
            VirtualScheduler clock = new VirtualScheduler();
            FakeMediaPort media = new FakeMediaPort(clock);
            List<Destination> results = new ArrayList<>();
            IvrSession ivr = new IvrSession(menus, media, clock, results::add);
            ivr.start(Destination.menu("main"));
            boolean hungUp = false;
            for (int step = 0; step < 40 && !ivr.done(); step++) {
                clock.advance(random.nextInt(2500));
                if (ivr.done()) {
                    break;
                }
                int action = random.nextInt(20);
                if (action == 0) {
                    ivr.hangup();
                    hungUp = true;
                } else if (action < 14) {
                    ivr.onKey(KEYS.charAt(random.nextInt(KEYS.length())));
                }
            }
            clock.advance(600_000); // whatever is left times out
            assertTrue(ivr.done(), "call " + call + " still in the IVR");
            assertEquals(hungUp ? 0 : 1, results.size(), "call " + call + ": " + results);
            for (Destination d : results) {
                assertFalse(d instanceof Destination.Menu, "a menu is never reported: " + d);
            }
            assertFalse(media.playing(), "call " + call + " left audio playing");
            assertEquals(0, clock.pending(), "call " + call + " left a timer");
        }
    }
}
