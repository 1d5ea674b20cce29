package gateway.call;

import gateway.sdp.MediaDescription;
import gateway.sdp.SdpException;
import gateway.sdp.SessionDescription;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A phone's media end for tests: a UDP socket on loopback that sends a 20 ms RTP packet stream
 * (every payload byte the same, so the far end can tell whose audio it hears) and keeps what
 * it receives.
 */
final class RtpPeer implements AutoCloseable {
    record Packet(int payloadType, byte[] payload, int ssrc, int seq, long timestamp) {
    }

    private final DatagramSocket socket;
    private final BlockingQueue<Packet> received = new LinkedBlockingQueue<>();
    private final Thread receiver;
    private final Thread sender;
    private volatile InetSocketAddress target;
    private volatile int payloadType;
    private volatile byte fill;
    private volatile boolean sending;
    private volatile boolean running = true;

    RtpPeer(String address) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        socket.setSoTimeout(100);
        receiver = new Thread(this::receive, "rtp-peer-rx-" + socket.getLocalPort());
        sender = new Thread(this::send, "rtp-peer-tx-" + socket.getLocalPort());
        receiver.setDaemon(true);
        sender.setDaemon(true);
        receiver.start();
        sender.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** An SDP offer/answer for this socket with the given payload types (0 PCMU, 8 PCMA, 101 events). */
    String sdp(int... payloadTypes) {
        StringBuilder m = new StringBuilder();
        StringBuilder a = new StringBuilder();
        for (int pt : payloadTypes) {
            m.append(' ').append(pt);
            switch (pt) {
                case 0 -> a.append("a=rtpmap:0 PCMU/8000\r\n");
                case 8 -> a.append("a=rtpmap:8 PCMA/8000\r\n");
                case 101 -> a.append("a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\n");
                default -> throw new IllegalArgumentException("pt " + pt);
            }
        }
        String ip = socket.getLocalAddress().getHostAddress();
        return "v=0\r\no=peer 1 1 IN IP4 " + ip + "\r\ns=-\r\nc=IN IP4 " + ip + "\r\nt=0 0\r\n"
                + "m=audio " + port() + " RTP/AVP" + m + "\r\n" + a + "a=ptime:20\r\n";
    }

    /** Starts sending to the address in {@code remoteSdp}: payload type {@code pt}, every byte {@code value}. */
    void sendTo(String remoteSdp, int pt, byte value) throws SdpException {
        SessionDescription sdp = SessionDescription.parse(remoteSdp);
        MediaDescription audio = sdp.media().get(0);
        target = new InetSocketAddress(sdp.connectionOf(audio).address(), audio.port());
        payloadType = pt;
        fill = value;
        sending = true;
    }

    void stopSending() {
        sending = false;
    }

    /** Waits for a packet whose payload is all {@code value} (the other party's audio). */
    Packet awaitAudio(byte value, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Packet p = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (p == null) {
                    throw new AssertionError("no audio of 0x" + Integer.toHexString(value & 0xFF) + " at port " + port()
                            + " within " + timeout.toMillis() + " ms");
                }
                byte[] payload = p.payload();
                if (payload.length > 0 && allEqual(payload, value)) {
                    return p;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for any packet. */
    Packet awaitAny(Duration timeout) {
        try {
            Packet p = received.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (p == null) {
                throw new AssertionError("no RTP at port " + port() + " within " + timeout.toMillis() + " ms");
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    void clear() {
        received.clear();
    }

    private static boolean allEqual(byte[] b, byte v) {
        for (byte x : b) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    private void receive() {
        byte[] buf = new byte[2048];
        while (running) {
            DatagramPacket dp = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(dp);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            if (dp.getLength() < 12) {
                continue;
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, dp.getLength());
            int b0 = bb.get() & 0xFF;
            int pt = bb.get() & 0x7F;
            int seq = bb.getShort() & 0xFFFF;
            long ts = bb.getInt() & 0xFFFFFFFFL;
            int ssrc = bb.getInt();
            int headerLength = 12 + 4 * (b0 & 0x0F);
            received.add(new Packet(pt, Arrays.copyOfRange(buf, headerLength, dp.getLength()), ssrc, seq, ts));
        }
    }

    private void send() {
        int seq = 1;
        long ts = 0;
        int ssrc = 0x1234_0000 | port();
        byte[] packet = new byte[12 + 160];
        long next = System.nanoTime();
        while (running) {
            next += TimeUnit.MILLISECONDS.toNanos(20);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            InetSocketAddress to = target;
            if (!sending || to == null) {
                continue;
            }
            ByteBuffer bb = ByteBuffer.wrap(packet);
            bb.put((byte) 0x80).put((byte) payloadType).putShort((short) seq++).putInt((int) ts).putInt(ssrc);
            Arrays.fill(packet, 12, packet.length, fill);
            ts += 160;
            try {
                socket.send(new DatagramPacket(packet, packet.length, to));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        socket.close();
    }
}
