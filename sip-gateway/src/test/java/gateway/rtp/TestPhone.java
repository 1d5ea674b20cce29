package gateway.rtp;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** A phone's RTP socket on 127.0.0.1: sends hand-made packets and waits (boundedly) for ours. */
final class TestPhone implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int WAIT_MS = 5000;

    private final DatagramSocket socket;
    final int ssrc;
    private int sequence;
    private long timestamp;

    TestPhone(int ssrc) throws IOException {
        this.socket = new DatagramSocket(0, LOOPBACK);
        this.socket.setSoTimeout(WAIT_MS);
        this.ssrc = ssrc;
        this.sequence = ssrc & 0xFFFF;
        this.timestamp = ssrc & 0xFFFFFL;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Sends the next packet of this phone's own stream to {@code leg}. */
    void sendAudio(RtpLeg leg, int payloadType, byte[] payload) throws IOException {
        send(leg, Rtp.build(payloadType, false, sequence++, timestamp, ssrc, payload));
        timestamp += payload.length;
    }

    void sendRaw(RtpLeg leg, byte[] bytes) throws IOException {
        send(leg, bytes);
    }

    private void send(RtpLeg leg, byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(LOOPBACK, leg.port())));
    }

    Rtp receive() throws IOException {
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            fail("no RTP packet reached " + address() + " within " + WAIT_MS + " ms");
        }
        return Rtp.parse(Arrays.copyOf(buf, p.getLength()));
    }

    /** A packet if one arrives within {@code millis}: for waiting on something that should not come. */
    Optional<Rtp> poll(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            socket.receive(p);
            return Optional.of(Rtp.parse(Arrays.copyOf(buf, p.getLength())));
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } finally {
            socket.setSoTimeout(WAIT_MS);
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    /** A received (or to be sent) RTP packet with a fixed 12-byte header. */
    record Rtp(int payloadType, boolean marker, int sequence, long timestamp, int ssrc, byte[] payload) {

        static Rtp parse(byte[] b) {
            ByteBuffer bb = ByteBuffer.wrap(b);
            int b0 = bb.get() & 0xFF;
            if (b0 >> 6 != 2 || (b0 & 0x3F) != 0) {
                fail("not a plain RTP packet: first byte " + b0);
            }
            int b1 = bb.get() & 0xFF;
            int seq = bb.getShort() & 0xFFFF;
            long ts = bb.getInt() & 0xFFFF_FFFFL;
            int ssrc = bb.getInt();
            return new Rtp(b1 & 0x7F, (b1 & 0x80) != 0, seq, ts, ssrc, Arrays.copyOfRange(b, 12, b.length));
        }

        static byte[] build(int payloadType, boolean marker, int sequence, long timestamp, int ssrc, byte[] payload) {
            ByteBuffer bb = ByteBuffer.allocate(12 + payload.length);
            bb.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | payloadType)).putShort((short) sequence)
                    .putInt((int) timestamp).putInt(ssrc).put(payload);
            return bb.array();
        }
    }
}
