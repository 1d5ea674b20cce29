package ivr.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {
    private final StringBuilder keys = new StringBuilder();
    private final TelephoneEventDecoder decoder = new TelephoneEventDecoder(101, keys::append);

    private void send(int timestamp, List<TelephoneEventEncoder.Packet> packets) {
        for (TelephoneEventEncoder.Packet p : packets) {
            decoder.onPacket(timestamp, p.payload(), 0, p.payload().length);
        }
    }

    @Test
    void encoderFollowsRfc4733() {
        List<TelephoneEventEncoder.Packet> packets = TelephoneEventEncoder.encode('#', 100);
        assertEquals(4 + 3, packets.size());
        TelephoneEventEncoder.Packet first = packets.get(0);
        assertTrue(first.marker());
        assertEquals(11, first.payload()[0]);
        assertEquals(10, first.payload()[1]);
        assertEquals(160, ((first.payload()[2] & 0xFF) << 8) | (first.payload()[3] & 0xFF));
        for (int i = 4; i < 7; i++) {
            TelephoneEventEncoder.Packet end = packets.get(i);
            assertTrue(end.end());
            assertFalse(end.marker());
            assertEquals((byte) 0x8A, end.payload()[1]);
            assertEquals(800, ((end.payload()[2] & 0xFF) << 8) | (end.payload()[3] & 0xFF));
            assertEquals(80, end.sendOffsetMs());
        }
        assertThrows(IllegalArgumentException.class, () -> TelephoneEventEncoder.encode('x', 100));
    }

    @Test
    void repeatsAndTripleEndGiveOneDigit() {
        send(1000, TelephoneEventEncoder.encode('5', 200));
        assertEquals("5", keys.toString());
        assertTrue(decoder.idle());
        // the whole event again (a retransmitting or redundant sender): still one
        send(1000, TelephoneEventEncoder.encode('5', 200));
        assertEquals("5", keys.toString());
    }

    @Test
    void sameKeyTwiceIsTwoDigitsByTimestamp() {
        send(1000, TelephoneEventEncoder.encode('7', 100));
        send(3000, TelephoneEventEncoder.encode('7', 100));
        send(5000, TelephoneEventEncoder.encode('#', 100));
        assertEquals("77#", keys.toString());
        assertEquals(3, decoder.digitsReported());
    }

    @Test
    void lostEndPacketsAreReplacedByTheNextTimestamp() {
        List<TelephoneEventEncoder.Packet> one = TelephoneEventEncoder.encode('1', 100);
        for (TelephoneEventEncoder.Packet p : one.subList(0, 3)) { // key-down only, ends lost
            decoder.onPacket(160, p.payload(), 0, 4);
        }
        assertFalse(decoder.idle());
        send(2000, TelephoneEventEncoder.encode('2', 100));
        assertEquals("12", keys.toString());
    }

    @Test
    void onlyEndPacketsStillGiveTheDigit() {
        List<TelephoneEventEncoder.Packet> p = TelephoneEventEncoder.encode('9', 100);
        send(500, p.subList(4, 7));
        assertEquals("9", keys.toString());
    }

    @Test
    void lateAndMalformedPacketsAreIgnored() {
        send(10_000, TelephoneEventEncoder.encode('4', 100));
        send(9_000, TelephoneEventEncoder.encode('3', 100)); // reordered from before
        decoder.onPacket(20_000, new byte[] {5, 0}, 0, 2);
        decoder.onPacket(30_000, TelephoneEventEncoder.payload(16, false, 10, 160), 0, 4); // flash
        assertEquals("4", keys.toString());
        assertEquals(7 + 1 + 1, decoder.packetsIgnored()); // all 7 packets of the late event
    }

    @Test
    void timestampWrapIsNotMistakenForReordering() {
        send(0xFFFFFF00, TelephoneEventEncoder.encode('1', 60));
        send(0x00000100, TelephoneEventEncoder.encode('2', 60));
        assertEquals("12", keys.toString());
    }

    @Test
    void payloadTypeMustBeDynamic() {
        assertThrows(IllegalArgumentException.class, () -> new TelephoneEventDecoder(8, k -> { }));
        assertTrue(decoder.accepts(101));
        assertFalse(decoder.accepts(0));
    }

    /** RFC 2198: redundant blocks (4-byte headers with F=1) then the primary (1-byte header). */
    private static byte[] redHeaders(int pt, int[][] redundant) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] r : redundant) { // {offset, length}
            out.write(0x80 | pt);
            out.write(r[0] >> 6);
            out.write(((r[0] & 0x3F) << 2) | (r[1] >> 8));
            out.write(r[1] & 0xFF);
        }
        out.write(pt);
        return out.toByteArray();
    }

    @Test
    void redundantBlocksRecoverALostKeyAndCountOnce() throws Exception {
        byte[] endOf3 = TelephoneEventEncoder.payload(3, true, 10, 800);
        byte[] startOf4 = TelephoneEventEncoder.payload(4, false, 10, 160);
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(redHeaders(101, new int[][] {{1600, 4}}));
        p.write(endOf3);
        p.write(startOf4);
        byte[] packet = p.toByteArray();
        // the packets of key 3 (timestamp 8400) were all lost; this one carries its end redundantly
        assertEquals('4', decoder.onRedundantPacket(10_000, packet, 0, packet.length));
        assertEquals("34", keys.toString());
        assertEquals(0, decoder.onRedundantPacket(10_000, packet, 0, packet.length));
        assertEquals("34", keys.toString());
        // a block of another payload type (e.g. audio) is skipped
        ByteArrayOutputStream q = new ByteArrayOutputStream();
        q.write(redHeaders(101, new int[][] {{160, 2}}));
        q.write(new byte[] {0, 0});
        q.write(TelephoneEventEncoder.payload(5, false, 10, 160));
        byte[] other = q.toByteArray();
        other[0] = (byte) (0x80 | 0); // the redundant block is PCMU
        assertEquals('5', decoder.onRedundantPacket(20_000, other, 0, other.length));
        assertEquals("345", keys.toString());
        assertEquals(0, decoder.onRedundantPacket(30_000, new byte[] {(byte) 0x80, 0}, 0, 2));
    }

    @Test
    void aKeyHeldPastTheDurationFieldIsStillOneDigit() {
        decoder.onPacket(1000, TelephoneEventEncoder.payload(1, false, 10, 0xFFF0), 0, 4);
        decoder.onPacket(1000, TelephoneEventEncoder.payload(1, false, 10, 0xFFFF), 0, 4);
        decoder.onPacket(1000 + 0xFFFF, TelephoneEventEncoder.payload(1, false, 10, 160), 0, 4);
        decoder.onPacket(1000 + 0xFFFF, TelephoneEventEncoder.payload(1, true, 10, 4000), 0, 4);
        assertEquals("1", keys.toString());
        send(200_000, TelephoneEventEncoder.encode('1', 100));
        assertEquals("11", keys.toString());
    }
}
