package gateway.rtp;

import config.model.PortRange;
import gateway.net.CallLoops;
import gateway.net.Transport;
import gateway.sdp.Direction;
import gateway.sdp.MediaParameters;
import io.netty.channel.EventLoop;
import ivr.audio.Codec;
import gateway.srtp.CryptoSuite;
import gateway.srtp.Sdes;
import gateway.srtp.SdesKey;
import gateway.srtp.SrtpSession;
import gateway.srtp.SrtpStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Relay throughput on loopback (run by {@code scripts/bench-rtp.sh}, not by the tests): N bridged
 * calls, each phone sending 20 ms packets, half of the calls transcoding PCMU to PCMA, for a
 * bounded time. Prints packets relayed per second, the loss, and the call loops' CPU time per
 * relayed packet (so packets per second per core). With {@code srtp}, every agent leg is SRTP
 * (AES_CM_128_HMAC_SHA1_80): the relay decrypts what agents send and encrypts what goes to them.
 */
public final class RtpRelayBench {
    private static final int PACKET = 172;

    private RtpRelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        boolean srtp = args.length > 2 && args[2].equals("srtp");
        List<SrtpStream> sealers = new ArrayList<>();
        Transport transport = Transport.best();
        try (CallLoops loops = new CallLoops(transport, Runtime.getRuntime().availableProcessors());
             Selector selector = Selector.open()) {
            RtpEngine engine = new RtpEngine(transport, new RtpConfig(TestPhone.LOOPBACK, new PortRange(40000, 49999)));
            List<DatagramChannel> phones = new ArrayList<>();
            List<InetSocketAddress> targets = new ArrayList<>();
            List<RtpLeg> legs = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                EventLoop loop = loops.loopFor("bench-call-" + i);
                RtpLeg a = engine.open(loop, new RtpLegListener() { }).get(5, TimeUnit.SECONDS);
                RtpLeg b = engine.open(loop, new RtpLegListener() { }).get(5, TimeUnit.SECONDS);
                DatagramChannel caller = phone(selector);
                DatagramChannel agent = phone(selector);
                Codec agentCodec = i % 2 == 0 ? Codec.PCMU : Codec.PCMA;
                MediaParameters callerMedia = media(caller, Codec.PCMU);
                SdesKey phoneKey = SdesKey.random(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80);
                MediaParameters agentMedia = media(agent, agentCodec, srtp ? new Sdes(phoneKey.answered(), phoneKey) : null);
                sealers.add(null);
                sealers.add(srtp ? new SrtpStream(phoneKey) : null);
                loop.submit(() -> {
                    a.media(callerMedia);
                    b.media(agentMedia);
                    engine.bridge(a, b);
                }).get(5, TimeUnit.SECONDS);
                phones.add(caller);
                targets.add(new InetSocketAddress(TestPhone.LOOPBACK, a.port()));
                phones.add(agent);
                targets.add(new InetSocketAddress(TestPhone.LOOPBACK, b.port()));
                legs.add(a);
                legs.add(b);
            }

            AtomicLong sent = new AtomicLong();
            AtomicLong received = new AtomicLong();
            AtomicBoolean receiving = new AtomicBoolean(true);
            Thread receiver = new Thread(() -> receive(selector, received, receiving), "bench-receiver");
            receiver.start();
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            // every tick's packets are built (and sealed) before the first is sent, so the phones' own
            // SRTP does not spread the burst out: spread-out packets cost the relay more wakeups and
            // syscalls per packet, which the srtp run would otherwise charge to the relay's crypto
            ByteBuffer[] packets = new ByteBuffer[phones.size()];
            for (int i = 0; i < packets.length; i++) {
                packets[i] = ByteBuffer.allocateDirect(PACKET + SrtpSession.MAX_TAG);
            }
            byte[] sealed = new byte[PACKET + SrtpSession.MAX_TAG];
            int[] sequence = {0};
            long cpuBefore = loopCpuNanos();
            long userBefore = loopUserNanos();
            long allocatedBefore = loopAllocatedBytes();
            long start = System.nanoTime();
            ticker.scheduleAtFixedRate(() -> {
                int seq = sequence[0]++;
                for (int i = 0; i < phones.size(); i++) {
                    byte[] rtp = TestPhone.Rtp.build(i % 4 == 3 ? 8 : 0, false, seq, 160L * seq, i, new byte[160]);
                    SrtpStream sealer = sealers.get(i);
                    System.arraycopy(rtp, 0, sealed, 0, PACKET);
                    packets[i].clear();
                    packets[i].put(sealed, 0, sealer == null ? PACKET : sealer.protect(sealed, 0, PACKET, 12));
                    packets[i].flip();
                }
                for (int i = 0; i < phones.size(); i++) {
                    try {
                        phones.get(i).send(packets[i], targets.get(i));
                        sent.incrementAndGet();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            // shutdown, not shutdownNow: interrupting a tick mid-send closes that phone's channel
            // (an interrupted NIO channel closes), which showed as ~0.1 % "lost" packets
            ticker.shutdown();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - start) / 1e9;
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (received.get() < sent.get() && System.nanoTime() < drainUntil) {
                Thread.onSpinWait();
            }
            receiving.set(false);
            selector.wakeup();
            receiver.join();
            double cpuSeconds = (loopCpuNanos() - cpuBefore) / 1e9;
            double userSeconds = (loopUserNanos() - userBefore) / 1e9;
            long allocated = loopAllocatedBytes() - allocatedBefore;

            long dropped = 0;
            for (RtpLeg leg : legs) {
                dropped += leg.loop().submit(leg::stats).get().dropped();
                leg.close().get(5, TimeUnit.SECONDS);
            }
            long lost = sent.get() - received.get();
            System.out.printf("transport=%s loops=%d calls=%d (half transcoding) agents=%s seconds=%.1f%n",
                    transport, loops.loops().size(), calls, srtp ? "SRTP" : "RTP", elapsed);
            System.out.printf("sent=%d relayed=%d lost=%d (%.3f%%) dropped-by-relay=%d throughput=%.0f packets/s%n",
                    sent.get(), received.get(), lost, 100.0 * lost / Math.max(1, sent.get()), dropped,
                    received.get() / elapsed);
            System.out.printf("call-loop CPU=%.2f s: %.2f us per relayed packet = %.0f packets/s per core%n", cpuSeconds,
                    1e6 * cpuSeconds / Math.max(1, received.get()), received.get() / Math.max(1e-9, cpuSeconds));
            System.out.printf("  of which user (Java) %.2f us, kernel %.2f us per relayed packet%n",
                    1e6 * userSeconds / Math.max(1, received.get()),
                    1e6 * (cpuSeconds - userSeconds) / Math.max(1, received.get()));
            System.out.printf("call-loop heap allocation: %.1f bytes per relayed packet%n",
                    (double) allocated / Math.max(1, received.get()));
            System.out.printf("ports in use after closing every leg: %d%n", engine.ports().inUse());
        }
    }

    private static DatagramChannel phone(Selector selector) throws IOException {
        DatagramChannel c = DatagramChannel.open();
        c.bind(new InetSocketAddress(TestPhone.LOOPBACK, 0));
        c.configureBlocking(false);
        c.register(selector, SelectionKey.OP_READ);
        return c;
    }

    private static MediaParameters media(DatagramChannel phone, Codec codec) throws IOException {
        return media(phone, codec, null);
    }

    private static MediaParameters media(DatagramChannel phone, Codec codec, Sdes sdes) throws IOException {
        return new MediaParameters((InetSocketAddress) phone.getLocalAddress(), codec, 101, 101, 20, Direction.SENDRECV,
                sdes);
    }

    /** CPU time of the relay's threads (the call loops) so far: the cost, whatever else the machine runs. */
    private static long loopCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return sumOverLoops(id -> threads.getThreadCpuTime(id));
    }

    /** User-mode CPU time of the call loops: the Java side, without the kernel's send and receive. */
    private static long loopUserNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return sumOverLoops(threads::getThreadUserTime);
    }

    /** Heap bytes the call loops allocated so far. */
    private static long loopAllocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return sumOverLoops(threads::getThreadAllocatedBytes);
    }

    private static long sumOverLoops(java.util.function.LongUnaryOperator perThread) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith("call-loop")) {
                total += Math.max(0, perThread.applyAsLong(t.getThreadId()));
            }
        }
        return total;
    }

    private static void receive(Selector selector, AtomicLong received, AtomicBoolean running) {
        ByteBuffer buf = ByteBuffer.allocateDirect(2048);
        try {
            while (running.get()) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel c = (DatagramChannel) key.channel();
                    buf.clear();
                    while (c.receive(buf) != null) {
                        received.incrementAndGet();
                        buf.clear();
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
