package config.model;

/**
 * An inclusive range of UDP ports, as in {@code rtp.ports: 20000-20999}. A call leg takes an even
 * port for RTP and the odd one above it for RTCP, so the range holds {@link #pairs()} legs.
 */
public record PortRange(int first, int last) {

    public PortRange {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("port range " + first + "-" + last + " must be within 1-65535, low to high");
        }
        if (pairs(first, last) < 1) {
            throw new IllegalArgumentException("port range " + first + "-" + last + " holds no even/odd port pair");
        }
    }

    public int size() {
        return last - first + 1;
    }

    /** How many even/odd (RTP/RTCP) pairs the range holds. */
    public int pairs() {
        return pairs(first, last);
    }

    /** The RTP port of pair {@code index}, 0 &le; index &lt; {@link #pairs()}. */
    public int rtpPort(int index) {
        return firstEven(first) + 2 * index;
    }

    private static int firstEven(int first) {
        return (first + 1) & ~1;
    }

    private static int pairs(int first, int last) {
        return Math.max(0, (last - firstEven(first) + 1) / 2);
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
