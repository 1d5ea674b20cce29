package ivr.dtmf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ivr.audio.Codec;
import ivr.audio.Pcm;
import ivr.audio.ToneGenerator;
import ivr.testkit.TestAudio;
import org.junit.jupiter.api.Test;

class InbandDetectorTest {
    private static final String ALL_KEYS = "0123456789*#ABCD";
    private final StringBuilder keys = new StringBuilder();
    private final InbandDetector detector = new InbandDetector(keys::append);

    private static Pcm key(char key, int ms) {
        return ToneGenerator.dtmf(key, ms);
    }

    private static Pcm gap(int ms) {
        return Pcm.silence(ms);
    }

    /** Feeds {@code audio} in 20 ms packets, encoded and decoded through {@code codec} as a leg would. */
    private String hear(Codec codec, Pcm audio) {
        short[] s = audio.samples();
        byte[] packet = new byte[Codec.FRAME_SAMPLES];
        keys.setLength(0);
        for (int at = 0; at < s.length; at += Codec.FRAME_SAMPLES) {
            int n = Math.min(Codec.FRAME_SAMPLES, s.length - at);
            for (int i = 0; i < n; i++) {
                packet[i] = codec.encode(s[at + i]);
            }
            detector.onEncoded(codec, packet, 0, n);
        }
        return keys.toString();
    }

    private String hear(Pcm audio) {
        keys.setLength(0);
        detector.onPcm(audio.samples(), 0, audio.length());
        return keys.toString();
    }

    @Test
    void everyKeyIsHeardOnce() {
        Pcm audio = gap(50);
        for (char k : ALL_KEYS.toCharArray()) {
            audio = audio.concat(key(k, 100), gap(60));
        }
        assertEquals(ALL_KEYS, hear(audio));
        assertEquals(16, detector.digitsReported());
    }

    @Test
    void keysSurviveEachCodecAndAnyPacketSize() {
        Pcm audio = gap(30).concat(key('1', 80), gap(50), key('5', 70), gap(45), key('9', 90), gap(50), key('#', 60), gap(40));
        for (Codec codec : Codec.values()) {
            assertEquals("159#", hear(codec, audio), codec.name());
        }
        InbandDetector odd = new InbandDetector(keys::append);
        keys.setLength(0);
        short[] s = audio.samples();
        for (int at = 0, n = 7; at < s.length; at += n, n = n * 3 % 97 + 1) {
            odd.onPcm(s, at, Math.min(n, s.length - at));
        }
        assertEquals("159#", keys.toString(), "packets of odd sizes");
    }

    @Test
    void aToneTooShortIsNotAKeyWhereverItFallsInTheBlocks() {
        for (int offset = 0; offset < InbandDetector.BLOCK; offset += 17) {
            Pcm lead = new Pcm(new short[offset]);
            assertEquals("", hear(lead.concat(key('3', 30), gap(100))), "30 ms at offset " + offset);
            assertEquals("7", hear(lead.concat(key('7', 55), gap(100))), "55 ms at offset " + offset);
        }
    }

    @Test
    void theSameKeyTwiceNeedsAGapBetween() {
        short[] cut = key('5', 200).samples().clone();
        java.util.Arrays.fill(cut, 800, 864, (short) 0);
        assertEquals("5", hear(new Pcm(cut).concat(gap(60))), "an 8 ms dropout is not a release");
        assertEquals("55", hear(key('5', 100).concat(gap(45), key('5', 100), gap(60))));
        assertEquals("56", hear(key('5', 100).concat(key('6', 100), gap(60))), "another key needs no gap");
    }

    @Test
    void levelAndTwistLimits() {
        assertEquals("8", hear(TestAudio.dual(852, 0.02, 1336, 0.02, 100).concat(gap(60))), "-34 dBFS per tone");
        assertEquals("8", hear(TestAudio.dual(852, 0.3, 1336, 0.3 / 2.2, 100).concat(gap(60))), "6.8 dB normal twist");
        assertEquals("8", hear(TestAudio.dual(852, 0.3 / 1.4, 1336, 0.3, 100).concat(gap(60))), "2.9 dB reverse twist");
        assertEquals("", hear(TestAudio.dual(852, 0.004, 1336, 0.004, 100)), "too quiet");
        assertEquals("", hear(TestAudio.dual(852, 0.3, 1336, 0.3 / 3.5, 100)), "11 dB normal twist");
        assertEquals("", hear(TestAudio.dual(852, 0.3 / 2, 1336, 0.3, 100)), "6 dB reverse twist");
        assertEquals("", hear(TestAudio.dual(852, 0.3, 852, 0, 300)), "a single tone");
    }

    @Test
    void noiseIsNoKey() {
        Pcm noise = TestAudio.noise(10, 6000, 7);
        assertEquals("", hear(Codec.PCMU, noise));
        assertEquals("4", hear(Codec.PCMU, TestAudio.mix(key('4', 120).concat(gap(60)), noise, 0.05)), "a key over faint noise");
    }

    @Test
    void speechLikeAudioIsNoKey() {
        assertEquals("", hear(Codec.PCMA, TestAudio.speechLike(20, 11)));
    }

    @Test
    void musicLikeAudioIsNoKey() {
        assertEquals("", hear(Codec.PCMU, TestAudio.musicLike(120, 3)));
    }
}
