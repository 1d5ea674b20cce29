package ivr.dtmf;

import ivr.audio.Codec;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the RFC 4733 packets for sending one key: one packet every 20 ms while the key is
 * "down" with a growing duration, then the end packet three times (same duration). All
 * packets of an event carry the same RTP timestamp (the event's start); the first has the
 * marker bit. The gateway sends them paced, like audio frames.
 */
public final class TelephoneEventEncoder {
    public static final int DEFAULT_VOLUME = 10;
    private static final int END_REPEATS = 3;

    /** One packet to send: its payload, the marker bit, and when to send it relative to the first. */
    public record Packet(byte[] payload, boolean marker, boolean end, int sendOffsetMs) {
    }

    private TelephoneEventEncoder() {
    }

    public static List<Packet> encode(char key, int durationMs) {
        return encode(key, durationMs, DEFAULT_VOLUME);
    }

    /** @param volume power level in -dBm0, 0..63 */
    public static List<Packet> encode(char key, int durationMs, int volume) {
        int event = DtmfKeys.eventOf(key);
        if (durationMs < Codec.FRAME_MS || durationMs > 8000) {
            throw new IllegalArgumentException("durationMs=" + durationMs + " must be 20..8000");
        }
        if (volume < 0 || volume > 63) {
            throw new IllegalArgumentException("volume=" + volume + " must be 0..63");
        }
        int frames = durationMs / Codec.FRAME_MS;
        List<Packet> packets = new ArrayList<>(frames + END_REPEATS - 1);
        for (int f = 1; f < frames; f++) {
            packets.add(new Packet(payload(event, false, volume, f * Codec.FRAME_SAMPLES), f == 1, false,
                    (f - 1) * Codec.FRAME_MS));
        }
        int total = frames * Codec.FRAME_SAMPLES;
        for (int r = 0; r < END_REPEATS; r++) {
            packets.add(new Packet(payload(event, true, volume, total), frames == 1 && r == 0, true,
                    (frames - 1) * Codec.FRAME_MS));
        }
        return packets;
    }

    public static byte[] payload(int event, boolean end, int volume, int durationSamples) {
        return new byte[] {
            (byte) event,
            (byte) ((end ? 0x80 : 0) | (volume & 0x3F)),
            (byte) (durationSamples >> 8),
            (byte) durationSamples
        };
    }
}
