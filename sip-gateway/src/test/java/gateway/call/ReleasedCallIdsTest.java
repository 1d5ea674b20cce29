package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReleasedCallIdsTest {

    @Test
    void keepsEveryCallIdWhileWithinTheBoundHoweverOld() {
        ReleasedCallIds ids = new ReleasedCallIds(1_000, 3);
        ids.add("a", 0);
        ids.add("b", 10);
        ids.add("c", 5_000);
        assertTrue(ids.contains("a"));
        assertEquals(3, ids.size());
    }

    @Test
    void overTheBoundDropsEveryExpiredOneAndKeepsTheYoung() {
        ReleasedCallIds ids = new ReleasedCallIds(1_000, 3);
        ids.add("a", 0);
        ids.add("b", 10);
        ids.add("c", 4_500);
        ids.add("d", 5_000);
        assertFalse(ids.contains("a"));
        assertFalse(ids.contains("b"));
        assertTrue(ids.contains("c"));
        assertTrue(ids.contains("d"));
        assertEquals(2, ids.size());
    }

    @Test
    void aCallIdReleasedAgainCountsFromItsLatestRelease() {
        ReleasedCallIds ids = new ReleasedCallIds(1_000, 2);
        ids.add("a", 0);
        ids.add("b", 100);
        ids.add("a", 4_800);
        ids.add("c", 5_000);
        assertTrue(ids.contains("a"));
        assertFalse(ids.contains("b"));
        assertTrue(ids.contains("c"));
    }
}
