package config.model;

/** A host (name or IP literal, IPv6 without brackets) and a port. */
public record HostPort(String host, int port) {
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
