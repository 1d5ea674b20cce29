package config.model;

/** An inclusive range of UDP ports, e.g. for RTP. */
public record PortRange(int first, int last) {
    public int size() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
