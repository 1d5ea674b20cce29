package gateway.sip;

import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Sends raw bytes to the server over UDP or TCP, for input no SIP stack would produce. */
final class RawSipClient implements AutoCloseable {
    private final InetSocketAddress server;
    private final DatagramSocket udp;
    /** Datagrams read by the last {@link #awaitUdp} call, or answers by the last {@link #exchangeTcp}, in order. */
    private final List<String> seen = new ArrayList<>();

    RawSipClient(int serverPort) throws IOException {
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        this.udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** The UDP port answers come back to. */
    int udpPort() {
        return udp.getLocalPort();
    }

    void sendUdp(byte[] message) throws IOException {
        udp.send(new DatagramPacket(message, message.length, server));
    }

    /**
     * The next UDP datagram whose text contains {@code marker} (say, a Call-ID), or empty after
     * {@code timeout}; datagrams without it (late answers to earlier messages) are skipped.
     */
    Optional<String> awaitUdp(String marker, Duration timeout) throws IOException {
        return awaitUdp(text -> text.contains(marker), timeout);
    }

    /** The next UDP datagram {@code wanted} accepts, or empty after {@code timeout}; the others are skipped. */
    Optional<String> awaitUdp(Predicate<String> wanted, Duration timeout) throws IOException {
        seen.clear();
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[65_535];
        while (true) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                return Optional.empty();
            }
            udp.setSoTimeout((int) leftMs);
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(p);
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1);
            seen.add(text);
            if (wanted.test(text)) {
                return Optional.of(text);
            }
        }
    }

    /** What the last wait or exchange read, the answer it returned included. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    /** True when the last wait read a datagram mentioning {@code marker} before the one mentioning {@code until}. */
    boolean sawBefore(String marker, String until) {
        for (String text : seen) {
            if (text.contains(until)) {
                return false;
            }
            if (text.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    /** Opens a connection, writes {@code message} and closes: the server must cope with whatever it got. */
    void sendTcp(byte[] message) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server, 5_000);
            OutputStream out = s.getOutputStream();
            out.write(message);
            out.flush();
        }
    }

    /**
     * Sends {@code message} on a new TCP connection and returns the first answer mentioning
     * {@code marker}, or empty when the server closes the connection or {@code timeout} passes.
     */
    Optional<String> exchangeTcp(byte[] message, String marker, Duration timeout) throws IOException {
        return exchangeTcp(message, answers -> answers.stream().anyMatch(a -> a.contains(marker)), timeout).stream()
                .filter(a -> a.contains(marker)).findFirst();
    }

    /**
     * Sends {@code message} on a new TCP connection and reads answers until {@code enough} accepts
     * them, the server closes the connection or {@code timeout} passes; returns the whole answers
     * read, in order (also kept for {@link #seen}).
     */
    List<String> exchangeTcp(byte[] message, Predicate<List<String>> enough, Duration timeout) throws IOException {
        seen.clear();
        try (Socket s = new Socket()) {
            s.connect(server, 5_000);
            s.getOutputStream().write(message);
            s.getOutputStream().flush();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[65_535];
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!enough.test(seen)) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    break;
                }
                s.setSoTimeout((int) leftMs);
                int n;
                try {
                    n = s.getInputStream().read(buffer);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (n < 0) {
                    break;
                }
                received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                seen.clear();
                for (String answer : received.toString().split("(?=SIP/2\\.0 \\d{3} )")) {
                    if (answer.contains("\r\n\r\n")) {
                        seen.add(answer);
                    }
                }
            }
            return List.copyOf(seen);
        }
    }

    /** Drops any UDP answers still queued. */
    void drainUdp() throws IOException {
        udp.setSoTimeout(1);
        byte[] buffer = new byte[65_535];
        try {
            while (true) {
                udp.receive(new DatagramPacket(buffer, buffer.length));
            }
        } catch (SocketTimeoutException e) {
            // empty now
        }
    }

    @Override
    public void close() {
        udp.close();
    }
}
