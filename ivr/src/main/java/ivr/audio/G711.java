package ivr.audio;

/**
 * ITU-T G.711 µ-law (PCMU) and A-law (PCMA) for 16-bit linear PCM. Decoding and the
 * law-to-law conversions are table lookups, so the RTP relay can transcode per byte.
 */
public final class G711 {
    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_CLIP = 32635;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = decodeUlaw((byte) i);
            ALAW_TO_LINEAR[i] = decodeAlaw((byte) i);
        }
        for (int i = 0; i < 256; i++) {
            ULAW_TO_ALAW[i] = linearToAlaw(ULAW_TO_LINEAR[i]);
            ALAW_TO_ULAW[i] = linearToUlaw(ALAW_TO_LINEAR[i]);
        }
    }

    private G711() {
    }

    public static byte linearToUlaw(int pcm) {
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) {
            pcm = -pcm;
        }
        if (pcm > ULAW_CLIP) {
            pcm = ULAW_CLIP;
        }
        pcm += ULAW_BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static byte linearToAlaw(int pcm) {
        int sign = (~pcm >> 8) & 0x80;
        if (sign == 0) {
            pcm = -pcm;
        }
        if (pcm > 32767) {
            pcm = 32767;
        }
        int alaw;
        if (pcm >= 256) {
            int exponent = 7;
            for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 1; mask >>= 1) {
                exponent--;
            }
            int mantissa = (pcm >> (exponent + 3)) & 0x0F;
            alaw = (exponent << 4) | mantissa;
        } else {
            alaw = pcm >> 4;
        }
        return (byte) ((alaw | sign) ^ 0x55);
    }

    public static short ulawToLinear(byte ulaw) {
        return ULAW_TO_LINEAR[ulaw & 0xFF];
    }

    public static short alawToLinear(byte alaw) {
        return ALAW_TO_LINEAR[alaw & 0xFF];
    }

    public static byte ulawToAlaw(byte ulaw) {
        return ULAW_TO_ALAW[ulaw & 0xFF];
    }

    public static byte alawToUlaw(byte alaw) {
        return ALAW_TO_ULAW[alaw & 0xFF];
    }

    private static short decodeUlaw(byte b) {
        int u = ~b & 0xFF;
        int sign = u & 0x80;
        int exponent = (u >> 4) & 0x07;
        int mantissa = u & 0x0F;
        int magnitude = (((mantissa << 3) + ULAW_BIAS) << exponent) - ULAW_BIAS;
        return (short) (sign != 0 ? -magnitude : magnitude);
    }

    private static short decodeAlaw(byte b) {
        int a = (b & 0xFF) ^ 0x55;
        int sign = a & 0x80;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0
                ? (mantissa << 4) + 8
                : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (short) (sign != 0 ? magnitude : -magnitude);
    }
}
