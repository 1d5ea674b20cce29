package config.model;

/** RTP media ports: one even/odd pair per call leg. */
public record Rtp(PortRange ports) {
    public static final PortRange DEFAULT_PORTS = new PortRange(20000, 20999);
}
