package gateway.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;

/** Ports free right now on loopback, for configs that want a real port. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A port free for both TCP and UDP (SIP listens on both). */
    public static int sip() throws IOException {
        while (true) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                    return port;
                } catch (SocketException taken) {
                    // UDP side busy: try another
                }
            }
        }
    }

    /** A TCP port free right now, for a server in another process whose address the test must know. */
    public static int tcp() throws IOException {
        try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return tcp.getLocalPort();
        }
    }
}
