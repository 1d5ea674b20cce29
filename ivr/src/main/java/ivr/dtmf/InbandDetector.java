package ivr.dtmf;

import ivr.audio.Codec;
import ivr.audio.Goertzel;

/**
 * Finds DTMF keys in the audio of a party that negotiated no telephone-event (analog gateways):
 * the eight DTMF frequencies by Goertzel over blocks of {@link #BLOCK} samples (12.75 ms at
 * 8 kHz, fine enough to tell 697 from 770 Hz). A block is a hit for a key when its row and column
 * tones are both loud enough, within the twist limits, clearly above the other tones of their
 * group, free of a second harmonic, and carry most of the block's energy: speech and music spread
 * theirs over many frequencies and harmonics. A key is reported once, after {@link #HITS_TO_START}
 * hits in a row (a steady tone of 38 ms), and the same key again only after
 * {@link #MISSES_TO_END} blocks without it (a gap; a dropout of a few ms is none). One instance
 * per leg, fed in order on that leg's thread.
 */
public final class InbandDetector {
    /** Samples per analysis block. */
    public static final int BLOCK = 102;
    static final int HITS_TO_START = 3;
    static final int MISSES_TO_END = 2;

    /** The four row frequencies, then the four column ones. */
    private static final double[] TONES = coefficients(1, 697, 770, 852, 941, 1209, 1336, 1477, 1633);
    private static final double[] HARMONICS = coefficients(2, 697, 770, 852, 941, 1209, 1336, 1477, 1633);
    private static final int GROUP = 4;
    private static final String KEYS = "123A456B789C*0#D";
    /** Goertzel power of the weaker tone at its least: an amplitude of 1% of full scale (about -40 dBFS). */
    private static final double MIN_TONE_POWER = 0.01 * 0.01 / 4;
    /** Row louder than column by at most 8 dB (normal twist), column louder by at most 4 dB (reverse). */
    private static final double NORMAL_TWIST = Math.pow(10, 8 / 10.0);
    private static final double REVERSE_TWIST = Math.pow(10, 4 / 10.0);
    /** The winning tone of a group is at least 8 dB above the others of that group. */
    private static final double RELATIVE_PEAK = Math.pow(10, 8 / 10.0);
    /** The second harmonic of each tone is at least 10 dB below it. */
    private static final double SECOND_HARMONIC = 10;
    /** Share of the block's energy the two tones must carry. */
    private static final double TONES_TO_TOTAL = 0.75;

    private final DigitListener listener;
    private final short[] block = new short[BLOCK];
    private final double[] power = new double[TONES.length];
    private final double[] filterState = new double[2 * TONES.length];
    private int filled;
    private char candidate;
    private int hits;
    private int misses;
    /** The key reported and not yet ended, or 0. */
    private char down;
    private long digits;

    public InbandDetector(DigitListener listener) {
        this.listener = listener;
    }

    /** Linear 16-bit samples, in order. */
    public void onPcm(short[] samples, int from, int count) {
        for (int i = from; i < from + count; i++) {
            add(samples[i]);
        }
    }

    /** G.711 payload bytes in {@code codec}, decoded here by table lookup. */
    public void onEncoded(Codec codec, byte[] payload, int from, int count) {
        for (int i = from; i < from + count; i++) {
            add(codec.decode(payload[i]));
        }
    }

    public long digitsReported() {
        return digits;
    }

    private void add(short sample) {
        block[filled++] = sample;
        if (filled == BLOCK) {
            filled = 0;
            onBlock(classify());
        }
    }

    private void onBlock(char hit) {
        if (hit != 0 && hit == candidate) {
            hits++;
        } else {
            candidate = hit;
            hits = hit == 0 ? 0 : 1;
        }
        if (down != 0) {
            misses = hit == down ? 0 : misses + 1;
            if (misses >= MISSES_TO_END) {
                down = 0;
            }
        }
        if (down == 0 && hits >= HITS_TO_START) {
            down = hit;
            misses = 0;
            digits++;
            listener.onDigit(hit);
        }
    }

    /** The key this block carries, or 0. */
    char classify() {
        double meanSquare = 0;
        for (short s : block) {
            double x = s / 32768.0;
            meanSquare += x * x;
        }
        meanSquare /= BLOCK;
        if (meanSquare < 2 * MIN_TONE_POWER) {
            return 0; // too quiet to hold two tones: silence costs no filter at all
        }
        Goertzel.powers(block, 0, BLOCK, TONES, filterState, power);
        int row = loudest(0);
        int column = loudest(GROUP);
        double r = power[row];
        double c = power[column];
        if (r < MIN_TONE_POWER || c < MIN_TONE_POWER || r > c * NORMAL_TWIST || c > r * REVERSE_TWIST
                || !peaks(row, 0) || !peaks(column, GROUP) || harmonic(row, r) || harmonic(column, c)) {
            return 0;
        }
        // a sine of amplitude A has Goertzel power A^2/4 and mean square A^2/2
        return 2 * (r + c) >= TONES_TO_TOTAL * meanSquare ? KEYS.charAt(row * GROUP + column - GROUP) : 0;
    }

    /** The loudest tone of the group starting at {@code first}. */
    private int loudest(int first) {
        int best = first;
        for (int i = first + 1; i < first + GROUP; i++) {
            if (power[i] > power[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Voices and instruments have overtones; a DTMF generator's tones have none to speak of. */
    private boolean harmonic(int tone, double tonePower) {
        return Goertzel.power(block, 0, BLOCK, HARMONICS[tone]) * SECOND_HARMONIC > tonePower;
    }

    private static double[] coefficients(int harmonic, double... frequencies) {
        double[] c = new double[frequencies.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Goertzel.coefficient(harmonic * frequencies[i], Codec.SAMPLE_RATE);
        }
        return c;
    }

    /** Whether {@code best} stands out of its group (starting at {@code first}). */
    private boolean peaks(int best, int first) {
        for (int i = first; i < first + GROUP; i++) {
            if (i != best && power[i] * RELATIVE_PEAK > power[best]) {
                return false;
            }
        }
        return true;
    }
}
