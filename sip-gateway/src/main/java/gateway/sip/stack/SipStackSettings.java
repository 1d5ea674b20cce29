package gateway.sip.stack;

import gateway.sip.tcp.TcpLimits;
import gateway.sip.tls.TlsListen;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one Jain-SIP stack is set up: where it listens (UDP and TCP on the same address and port;
 * port 0 picks a free one; TLS optionally on its own) and the limits that keep it healthy under load.
 *
 * @param name                  unique per stack in the JVM (Jain-SIP caches stacks by name)
 * @param threadPoolSize        Jain-SIP threads that parse and deliver messages
 * @param maxMessageSize        larger TCP messages are refused by the stack
 * @param maxServerTransactions server transaction table bound; above it the stack drops requests
 * @param congestionTimeout     a request waiting longer than this in the stack is dropped
 * @param tcp                   caps and idle timeout of TCP connections (TLS connections count with them)
 * @param tls                   a TLS listening point besides UDP and TCP, if any
 */
public record SipStackSettings(
        String name,
        String address,
        int port,
        int threadPoolSize,
        int maxMessageSize,
        int maxServerTransactions,
        Duration congestionTimeout,
        TcpLimits tcp,
        Optional<TlsListen> tls) {

    public SipStackSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(congestionTimeout, "congestionTimeout");
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port=" + port + " must be within 0..65535");
        }
        if (threadPoolSize < 1) {
            throw new IllegalArgumentException("threadPoolSize=" + threadPoolSize + " must be at least 1");
        }
        if (maxMessageSize < 4096) {
            throw new IllegalArgumentException("maxMessageSize=" + maxMessageSize + " must be at least 4096");
        }
        if (maxServerTransactions < 1) {
            throw new IllegalArgumentException("maxServerTransactions=" + maxServerTransactions + " must be at least 1");
        }
    }

    /** Defaults for a server on a small machine. */
    public static SipStackSettings server(String name, String address, int port) {
        return new SipStackSettings(name, address, port, 8, 64 * 1024, 10_000, Duration.ofSeconds(2),
                TcpLimits.DEFAULT, Optional.empty());
    }

    /** Defaults for a client such as a test phone: few threads, small tables. */
    public static SipStackSettings client(String name, String address, int port) {
        return new SipStackSettings(name, address, port, 2, 64 * 1024, 1_000, Duration.ofSeconds(2),
                TcpLimits.DEFAULT, Optional.empty());
    }

    public SipStackSettings withPort(int newPort) {
        return new SipStackSettings(name, address, newPort, threadPoolSize, maxMessageSize, maxServerTransactions,
                congestionTimeout, tcp, tls);
    }

    public SipStackSettings withTcp(TcpLimits limits) {
        return new SipStackSettings(name, address, port, threadPoolSize, maxMessageSize, maxServerTransactions,
                congestionTimeout, limits, tls);
    }

    /** With a TLS listening point as well. */
    public SipStackSettings withTls(TlsListen listen) {
        return new SipStackSettings(name, address, port, threadPoolSize, maxMessageSize, maxServerTransactions,
                congestionTimeout, tcp, Optional.of(listen));
    }
}
