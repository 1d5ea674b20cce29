package acd.bench.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HistogramTest {
    private static final long MS = 1_000_000;

    @Test
    void quantilesWithin10MicrosecondsBelow100MsAndWithinAMillisecondAbove() {
        Histogram h = new Histogram();
        for (int i = 0; i < 98; i++) {
            h.add(2 * MS + 3_000);
        }
        h.add(250 * MS + 400_000);
        h.add(30_000 * MS); // past the last bucket
        assertEquals(2.005, h.quantileNanos(0.5) / 1e6, 1e-9);
        assertEquals(250.5, h.quantileNanos(0.99) / 1e6, 1e-9);
        assertEquals(30_000 * MS, h.quantileNanos(1.0));
        assertEquals(30_000 * MS, h.maxNanos());
        assertEquals(0, new Histogram().quantileNanos(0.99));
    }
}
