package gateway.sip.tls;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A SIP-over-TLS listening point: where, and the context its connections are made from (ours
 * as a server, and, for connections we open, as a client).
 *
 * @param port 0 picks a free one
 */
public record TlsListen(String address, int port, SSLContext context) {
    public TlsListen {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(context, "context");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port=" + port + " must be within 0..65535");
        }
    }

    public TlsListen withPort(int newPort) {
        return new TlsListen(address, newPort, context);
    }
}
