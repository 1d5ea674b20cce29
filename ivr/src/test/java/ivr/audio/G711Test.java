package ivr.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void ulawRoundTripStaysWithinQuantizationStep() {
        for (int pcm = -32768; pcm <= 32767; pcm += 7) {
            int back = G711.ulawToLinear(G711.linearToUlaw(pcm));
            int tolerance = Math.max(8, Math.abs(pcm) / 16);
            assertTrue(Math.abs(back - Math.max(-32635, Math.min(32635, pcm))) <= tolerance,
                    "pcm " + pcm + " came back as " + back);
        }
    }

    @Test
    void alawRoundTripStaysWithinQuantizationStep() {
        for (int pcm = -32768; pcm <= 32767; pcm += 7) {
            int back = G711.alawToLinear(G711.linearToAlaw(pcm));
            int tolerance = Math.max(16, Math.abs(pcm) / 16);
            assertTrue(Math.abs(back - pcm) <= tolerance, "pcm " + pcm + " came back as " + back);
        }
    }

    @Test
    void knownCodewords() {
        // silence: µ-law 0xFF, A-law 0xD5
        assertEquals((byte) 0xFF, G711.linearToUlaw(0));
        assertEquals((byte) 0xD5, G711.linearToAlaw(0));
        assertEquals(0, G711.ulawToLinear((byte) 0xFF));
        assertEquals(8, Math.abs(G711.alawToLinear((byte) 0xD5)));
        // full scale
        assertEquals(-32124, G711.ulawToLinear((byte) 0x00));
        assertEquals(32124, G711.ulawToLinear((byte) 0x80));
        assertEquals(-32256, G711.alawToLinear((byte) 0x2A));
    }

    @Test
    void lawToLawConversionPreservesLevel() {
        for (int i = 0; i < 256; i++) {
            byte u = (byte) i;
            int viaAlaw = G711.alawToLinear(G711.ulawToAlaw(u));
            int direct = G711.ulawToLinear(u);
            assertTrue(Math.abs(viaAlaw - direct) <= Math.max(16, Math.abs(direct) / 16),
                    "µ-law " + i + ": " + direct + " vs " + viaAlaw);
        }
    }
}
