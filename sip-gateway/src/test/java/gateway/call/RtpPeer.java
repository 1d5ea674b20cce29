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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import gateway.srtp.SdesKey;
import gateway.srtp.SrtpSession;
import gateway.srtp.SrtpStream;
import gateway.testkit.Await;
import ivr.audio.Codec;
import ivr.audio.Pcm;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import ivr.dtmf.TelephoneEventEncoder;

/**
 * A phone's media end for tests: a UDP socket on loopback that sends a 20 ms RTP packet stream
 * (every payload byte the same, so the far end can tell whose audio it hears, or a tone whose
 * frequency tells it in a recording), sends RFC 4733 key presses, and keeps what it receives.
 */
public final class RtpPeer implements AutoCloseable {
    public record Packet(int payloadType, byte[] payload, int ssrc, int seq, long timestamp) {
    }

    private final DatagramSocket socket;
    private final BlockingQueue<Packet> received = new LinkedBlockingQueue<>();
    private final Thread receiver;
    private final Thread sender;
    private volatile InetSocketAddress target;
    private volatile int payloadType;
    private volatile byte fill;
    /** When set, the stream carries this prompt in a loop instead of {@code fill}. */
    private volatile Prompt tone;
    /** When set, the stream carries this audio once, before the tone or fill. */
    private volatile Prompt once;
    private final AtomicInteger onceFrame = new AtomicInteger();
    private final AtomicInteger seq = new AtomicInteger(1);
    private final AtomicLong ts = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean sending;
    private int toneFrame;
    private volatile boolean running = true;
    /** Set by {@link #srtp}: the stream is SRTP, what comes in is checked and decrypted. */
    private volatile SrtpStream srtpOut;
    private volatile SrtpStream srtpIn;
    private final AtomicLong decrypted = new AtomicLong();

    public RtpPeer(String address) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        socket.setSoTimeout(100);
        receiver = new Thread(this::receive, "rtp-peer-rx-" + socket.getLocalPort());
        sender = new Thread(this::send, "rtp-peer-tx-" + socket.getLocalPort());
        receiver.setDaemon(true);
        sender.setDaemon(true);
        receiver.start();
        sender.start();
    }

    /** Makes the stream SRTP: {@code ours} encrypts what it sends, {@code theirs} authenticates and decrypts what comes. */
    public void srtp(SdesKey ours, SdesKey theirs) {
        srtpOut = new SrtpStream(ours);
        srtpIn = new SrtpStream(theirs);
    }

    /** SRTP packets received that passed authentication and were decrypted. */
    public long decrypted() {
        return decrypted.get();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** An SDP offer/answer for this socket with the given payload types (0 PCMU, 8 PCMA, 101 events). */
    public String sdp(int... payloadTypes) {
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
    public void sendTo(String remoteSdp, int pt, byte value) throws SdpException {
        SessionDescription sdp = SessionDescription.parse(remoteSdp);
        MediaDescription audio = sdp.media().get(0);
        target = new InetSocketAddress(sdp.connectionOf(audio).address(), audio.port());
        payloadType = pt;
        fill = value;
        tone = null;
        sending = true;
    }

    /** Starts sending a sine of {@code frequencyHz} in PCMU to the address in {@code remoteSdp}. */
    public void sendToneTo(String remoteSdp, double frequencyHz) throws SdpException {
        sendTo(remoteSdp, 0, (byte) 0);
        tone = Prompt.of(frequencyHz + " Hz", ToneGenerator.tone(1000, 0.3, frequencyHz));
    }

    /** Plays {@code audio} once in the stream, in the codec of the payload type it sends, then goes on as before. */
    public void play(Pcm audio) {
        onceFrame.set(0);
        once = Prompt.of("played", audio);
    }

    /** Waits until what {@link #play} was given has gone out. */
    public void awaitPlayed(Duration timeout) throws Exception {
        Await.until(() -> once == null, timeout, () -> "still playing at frame " + onceFrame.get());
    }

    /**
     * The next RFC 4733 event on {@code eventPt} that lasts more than one packet: every packet from
     * its first to its first end packet, with the other packets that came meanwhile (audio).
     * Earlier packets are dropped, the end copies of the last event with them.
     */
    public List<Packet> awaitEvent(int eventPt, Duration timeout) {
        List<Packet> packets = new ArrayList<>();
        Packet p = await(x -> x.payloadType() == eventPt && (x.payload()[1] & 0x80) == 0, timeout,
                "telephone-event " + eventPt);
        packets.add(p);
        while (p.payloadType() != eventPt || (p.payload()[1] & 0x80) == 0) {
            p = awaitAny(timeout);
            packets.add(p);
        }
        return packets;
    }

    /**
     * Presses {@code key} by RFC 4733 on payload type {@code eventPt}: the packets of one 100 ms
     * event with their end copies, sent from this thread with the stream's SSRC and sequence.
     */
    public void pressKey(char key, int eventPt) throws IOException, InterruptedException {
        long start = ts.get();
        int ssrc = ssrc();
        long began = System.nanoTime();
        for (TelephoneEventEncoder.Packet p : TelephoneEventEncoder.encode(key, 100)) {
            long due = began + TimeUnit.MILLISECONDS.toNanos(p.sendOffsetMs());
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            byte[] packet = new byte[12 + p.payload().length + SrtpSession.MAX_TAG];
            ByteBuffer.wrap(packet).put((byte) 0x80).put((byte) ((p.marker() ? 0x80 : 0) | eventPt))
                    .putShort((short) seq.getAndIncrement()).putInt((int) start).putInt(ssrc).put(p.payload());
            SrtpStream out = srtpOut;
            int length = 12 + p.payload().length;
            synchronized (this) { // the stream's SRTP state is shared with the sender thread
                socket.send(new DatagramPacket(packet, out == null ? length : out.protect(packet, 0, length, 12), target));
            }
        }
    }

    /** Waits for a packet carrying frame {@code index} of {@code prompt} in {@code codec}: the prompt is playing. */
    public Packet awaitFrame(Prompt prompt, Codec codec, int index, Duration timeout) {
        byte[] frame = prompt.frame(codec, index);
        return await(p -> p.payloadType() == codec.payloadType() && Arrays.equals(p.payload(), frame), timeout,
                "frame " + index + " of " + prompt);
    }

    /** Waits for a packet matching {@code match}, dropping the others. */
    public Packet await(Predicate<Packet> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Packet p = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (p == null) {
                    throw new AssertionError("no RTP with " + what + " at port " + port() + " within "
                            + timeout.toMillis() + " ms");
                }
                if (match.test(p)) {
                    return p;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until {@code n} more stream packets have gone out: that much audio has been said. */
    public void awaitSent(int n, Duration timeout) throws InterruptedException {
        long target = sent.get() + n;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sent.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sent " + sent.get() + " packets, wanted " + target);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private int ssrc() {
        return 0x1234_0000 | port();
    }

    public synchronized void stopSending() {
        sending = false;
    }

    /** Waits for a packet whose payload is all {@code value} (the other party's audio). */
    public Packet awaitAudio(byte value, Duration timeout) {
        return await(p -> carries(p, value), timeout,
                "audio of 0x" + Integer.toHexString(value & 0xFF));
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

    /** Whether every payload byte is {@code value} (a party's audio, see {@link #sendTo}). */
    public static boolean carries(Packet p, byte value) {
        return p.payload().length > 0 && allEqual(p.payload(), value);
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
            int length = dp.getLength();
            SrtpStream in = srtpIn;
            if (length < 12 || (in != null && (length = in.unprotect(buf, 0, length, 12 + 4 * (buf[0] & 0x0F))) < 0)) {
                continue;
            }
            if (in != null) {
                decrypted.incrementAndGet();
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, length);
            int b0 = bb.get() & 0xFF;
            int pt = bb.get() & 0x7F;
            int seq = bb.getShort() & 0xFFFF;
            long ts = bb.getInt() & 0xFFFFFFFFL;
            int ssrc = bb.getInt();
            int headerLength = 12 + 4 * (b0 & 0x0F);
            received.add(new Packet(pt, Arrays.copyOfRange(buf, headerLength, length), ssrc, seq, ts));
        }
    }

    private void send() {
        byte[] packet = new byte[12 + 160 + SrtpSession.MAX_TAG];
        long next = System.nanoTime();
        while (running) {
            next += TimeUnit.MILLISECONDS.toNanos(20);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            try {
                sendFrame(packet, null);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * Stops the stream with one last packet whose every byte is {@code value}, so the far end can
     * tell when it has heard everything sent (the relay rewrites sequence numbers, not payloads).
     */
    public synchronized void stopSendingWith(byte value) throws IOException {
        sendFrame(new byte[12 + 160 + SrtpSession.MAX_TAG], value);
        sending = false;
    }

    /** The stream's next packet: {@code last} as every byte, else the tone or the fill; nothing while stopped. */
    private synchronized void sendFrame(byte[] packet, Byte last) throws IOException {
        InetSocketAddress to = target;
        if (!sending || to == null) {
            return;
        }
        ByteBuffer.wrap(packet).put((byte) 0x80).put((byte) payloadType).putShort((short) seq.getAndIncrement())
                .putInt((int) ts.getAndAdd(160)).putInt(ssrc());
        Prompt t = tone;
        Prompt o = last == null ? once : null;
        int f = o == null ? 0 : onceFrame.getAndIncrement();
        if (o != null && f < o.frameCount()) {
            System.arraycopy(o.frame(Codec.forPayloadType(payloadType), f), 0, packet, 12, 160);
        } else if (last == null && t != null) {
            System.arraycopy(t.frame(Codec.PCMU, toneFrame++ % t.frameCount()), 0, packet, 12, 160);
        } else {
            Arrays.fill(packet, 12, 12 + 160, last != null ? last : fill);
        }
        SrtpStream out = srtpOut;
        int length = out == null ? 12 + 160 : out.protect(packet, 0, 12 + 160, 12);
        socket.send(new DatagramPacket(packet, length, to));
        sent.incrementAndGet();
        if (o != null && f >= o.frameCount() - 1) {
            once = null;
        }
    }

    @Override
    public void close() {
        running = false;
        socket.close();
    }
}
