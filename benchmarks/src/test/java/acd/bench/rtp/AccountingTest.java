package acd.bench.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class AccountingTest {
    private static final long MS = 1_000_000;
    private final Window window = new Window(1_000 * MS, 2_000 * MS);

    @Test
    void countsOnlyPacketsStampedInTheWindowAndLossAgainstWhatWasSent() {
        Accounting a = new Accounting(2, 10); // two sockets hearing streams 10 and 11
        a.marked(0, 10, 0, 990 * MS, 991 * MS, window); // before the window: latches, not counted
        for (int seq = 1; seq <= 10; seq++) {
            if (seq != 4 && seq != 5) { // two lost
                a.marked(0, 10, seq, (990 + 20 * seq) * MS, (991 + 20 * seq) * MS, window);
            }
        }
        Accounting.Result r = a.result(new long[] {10, 0});
        assertEquals(10, r.sent());
        assertEquals(8, r.received());
        assertEquals(2, r.lost());
        assertEquals(1, r.streamsWithLoss());
        assertEquals(2, r.gaps());
        assertEquals(1, r.bridged());
    }

    @Test
    void transitQuantilesAndJitterFromTheStamps() {
        Accounting a = new Accounting(1, 0);
        Window tenSeconds = new Window(0, 10_000 * MS);
        for (int seq = 0; seq < 200; seq++) {
            long sent = seq * 20 * MS;
            long transit = seq == 50 ? 9 * MS : MS; // one late packet
            a.marked(0, 0, seq, sent, sent + transit, tenSeconds);
        }
        Accounting.Result r = a.result(new long[] {200});
        assertEquals(0, r.lost());
        assertEquals(1.0, r.transitP50() / 1e6, 0.01);
        assertEquals(9.0, r.transitMax() / 1e6, 0.01);
        assertEquals(0, r.addedJitterP99()); // p99 is still the usual packet
        // RFC 3550: the two 8 ms jumps each add 1/16 of themselves, then it decays
        assertTrue(r.jitterMax() > 0 && r.jitterMax() < MS, "jitter " + r.jitterMax());
    }

    @Test
    void aSocketHearingASecondStreamIsMisroutedAndAForeignStreamIsStrange() {
        Accounting a = new Accounting(2, 0);
        a.marked(0, 0, 0, 1_000 * MS, 1_001 * MS, window);
        a.marked(0, 1, 0, 1_000 * MS, 1_001 * MS, window);
        a.marked(1, 7, 0, 1_000 * MS, 1_001 * MS, window);
        Accounting.Result r = a.result(new long[] {1, 1});
        assertEquals(1, r.misrouted());
        assertEquals(1, r.strange());
        assertEquals(1, r.bridged());
    }

    @Test
    void marksSurviveARewrittenHeaderAndRtcpIsToldApart() {
        ByteBuffer p = ByteBuffer.allocate(Mark.PACKET);
        Mark.write(p, Mark.tone(400), 42, 7, 123_456_789L);
        p.putShort(2, (short) 999).putInt(8, 0xCAFE); // the relay's own sequence and SSRC
        assertEquals(Mark.Kind.MARKED, Mark.kind(p));
        assertEquals(42, Mark.streamId(p));
        assertEquals(7, Mark.seq(p));
        assertEquals(123_456_789L, Mark.sentNanos(p));
        p.put(12, (byte) 0);
        assertEquals(Mark.Kind.UNMARKED, Mark.kind(p));
        p.put(1, (byte) 200);
        assertEquals(Mark.Kind.RTCP, Mark.kind(p));
    }
}
