package gateway.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ivr.time.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 4028's deadlines in virtual time, at the intervals real peers use: our refresh at half the
 * interval, the end at the interval less min(32 s, a third of it), each refresh starting over.
 */
class SessionTimerTest {
    private final VirtualScheduler clock = new VirtualScheduler();
    private final List<String> heard = new ArrayList<>();
    private final SessionTimer timer = new SessionTimer(clock, new SessionTimer.Upkeep() {
        @Override
        public void refresh() {
            heard.add("refresh at " + clock.nowMs());
        }

        @Override
        public void expired(String why) {
            heard.add("expired at " + clock.nowMs());
        }
    }, "test");

    @Test
    void asRefresherWeRefreshAtHalfTheIntervalAndExpire32SecondsBeforeItsEnd() {
        timer.refreshed(new SessionTimerRules.Grant(1800, true));
        clock.advance(1800_000);
        assertEquals(List.of("refresh at 900000", "expired at 1768000"), heard);
        assertEquals(SessionTimer.State.OVER, timer.state());
    }

    @Test
    void aRefusedRefreshIsTriedAgainHalfwayToTheExpiry() {
        timer.refreshed(new SessionTimerRules.Grant(1800, true));
        clock.advance(900_000);
        timer.refreshFailed();
        clock.advance(434_000);
        assertEquals(List.of("refresh at 900000", "refresh at 1334000"), heard);
    }

    @Test
    void aShortIntervalExpiresAThirdBeforeItsEndAndEachRefreshStartsOver() {
        timer.refreshed(new SessionTimerRules.Grant(90, false));
        clock.advance(59_000);
        timer.refreshed(new SessionTimerRules.Grant(90, false));
        clock.advance(60_000);
        assertEquals(List.of("expired at 119000"), heard, "60 s after the last refresh, none of ours");
    }

    @Test
    void aGrantWithoutSessionExpiresTurnsTheTimerOffAndStopEndsIt() {
        timer.refreshed(new SessionTimerRules.Grant(90, true));
        timer.refreshed(null);
        assertEquals(SessionTimer.State.OFF, timer.state());
        timer.stop();
        timer.refreshed(new SessionTimerRules.Grant(90, true));
        clock.advance(200_000);
        assertEquals(List.of(), heard);
    }
}
