package gateway.testkit;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;

/** Ports for servers started from a config file, which wants a real port rather than 0. */
public final class FreePorts {
    private FreePorts() {
    }

    /** A loopback port free for both TCP and UDP right now (SIP listens on both). */
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
}
