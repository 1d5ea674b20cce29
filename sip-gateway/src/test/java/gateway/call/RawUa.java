package gateway.call;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A SIP user agent on a bare UDP socket, for races a SIP stack smooths over: it answers an
 * INVITE with 200 OK when the test says so, even after a CANCEL came (as a phone does whose 200
 * crossed our CANCEL on the wire). Every wait is bounded.
 */
final class RawUa implements AutoCloseable {
    /** A datagram that arrived, with where it came from. */
    record Message(String text, InetSocketAddress from) {
        String firstLine() {
            return text.substring(0, text.indexOf("\r\n"));
        }

        /** The request's method, or null for a response. */
        String method() {
            String first = firstLine();
            return first.startsWith("SIP/2.0") ? null : first.substring(0, first.indexOf(' '));
        }

        /** Every value of header {@code name}, in order. */
        List<String> headers(String name) {
            List<String> values = new ArrayList<>();
            for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    values.add(line.substring(colon + 1).trim());
                }
            }
            return values;
        }

        String header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? "" : values.get(0);
        }
    }

    private final DatagramSocket socket;
    private final String address;
    private final List<Message> pending = new ArrayList<>();

    RawUa(String address) throws IOException {
        this.address = address;
        this.socket = new DatagramSocket(new InetSocketAddress(address, 0));
    }

    int port() {
        return socket.getLocalPort();
    }

    /** The next request of {@code method}; other messages stay pending. */
    Message awaitRequest(String method, Duration timeout) throws IOException {
        return await(m -> method.equals(m.method()), timeout, method);
    }

    /** The next request of {@code method} for the dialog of {@code invite} (same Call-ID). */
    Message awaitRequest(String method, Message invite, Duration timeout) throws IOException {
        String callId = invite.header("Call-ID");
        return await(m -> method.equals(m.method()) && callId.equals(m.header("Call-ID")), timeout,
                method + " for " + callId);
    }

    private Message await(Predicate<Message> match, Duration timeout, String what) throws IOException {
        for (Iterator<Message> it = pending.iterator(); it.hasNext(); ) {
            Message m = it.next();
            if (match.test(m)) {
                it.remove();
                return m;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[65_535];
        while (true) {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new AssertionError("no " + what + " at the raw UA within " + timeout.toMillis() + " ms; pending: "
                        + pending.stream().map(Message::firstLine).toList());
            }
            socket.setSoTimeout((int) leftMs);
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            }
            Message m = new Message(new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1),
                    (InetSocketAddress) p.getSocketAddress());
            if (match.test(m)) {
                return m;
            }
            pending.add(m);
        }
    }

    /** A response to {@code request} with our To tag, Contact (for 1xx and 2xx) and, when given, SDP. */
    void respond(Message request, int status, String reason, String toTag, String sdp) throws IOException {
        StringBuilder b = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String via : request.headers("Via")) {
            b.append("Via: ").append(via).append("\r\n");
        }
        String to = request.header("To");
        if (!to.toLowerCase(Locale.ROOT).contains(";tag=")) {
            to = to + ";tag=" + toTag;
        }
        b.append("From: ").append(request.header("From")).append("\r\n")
                .append("To: ").append(to).append("\r\n")
                .append("Call-ID: ").append(request.header("Call-ID")).append("\r\n")
                .append("CSeq: ").append(request.header("CSeq")).append("\r\n");
        if (status > 100 && status < 300) {
            b.append("Contact: <sip:ua@").append(address).append(':').append(port()).append(">\r\n");
        }
        byte[] body = sdp == null ? new byte[0] : sdp.getBytes(StandardCharsets.US_ASCII);
        if (sdp != null) {
            b.append("Content-Type: application/sdp\r\n");
        }
        b.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        byte[] head = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        socket.send(new DatagramPacket(out, out.length, request.from()));
    }

    @Override
    public void close() {
        socket.close();
    }
}
