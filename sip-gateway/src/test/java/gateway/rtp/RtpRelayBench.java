package gateway.rtp;

import config.model.PortRange;
import gateway.net.CallLoops;
import gateway.net.Transport;
import gateway.sdp.Direction;
import gateway.sdp.MediaParameters;
import io.netty.channel.EventLoop;
import ivr.audio.Codec;
import java.io.IOException;
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
 * bounded time. Prints packets relayed per second and the loss.
 */
public final class RtpRelayBench {
    private static final int PACKET = 172;

    private RtpRelayBench() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
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
                MediaParameters agentMedia = media(agent, agentCodec);
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
            ByteBuffer packet = ByteBuffer.allocateDirect(PACKET);
            int[] sequence = {0};
            long start = System.nanoTime();
            ticker.scheduleAtFixedRate(() -> {
                int seq = sequence[0]++;
                for (int i = 0; i < phones.size(); i++) {
                    packet.clear();
                    packet.put(TestPhone.Rtp.build(i % 4 == 3 ? 8 : 0, false, seq, 160L * seq, i, new byte[160]));
                    packet.flip();
                    try {
                        phones.get(i).send(packet, targets.get(i));
                        sent.incrementAndGet();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            ticker.awaitTermination(seconds, TimeUnit.SECONDS);
            ticker.shutdownNow();
            double elapsed = (System.nanoTime() - start) / 1e9;
            long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (received.get() < sent.get() && System.nanoTime() < drainUntil) {
                Thread.onSpinWait();
            }
            receiving.set(false);
            selector.wakeup();
            receiver.join();

            long dropped = 0;
            for (RtpLeg leg : legs) {
                dropped += leg.loop().submit(leg::stats).get().dropped();
                leg.close().get(5, TimeUnit.SECONDS);
            }
            long lost = sent.get() - received.get();
            System.out.printf("transport=%s loops=%d calls=%d (half transcoding) seconds=%.1f%n",
                    transport, loops.loops().size(), calls, elapsed);
            System.out.printf("sent=%d relayed=%d lost=%d (%.3f%%) dropped-by-relay=%d throughput=%.0f packets/s%n",
                    sent.get(), received.get(), lost, 100.0 * lost / Math.max(1, sent.get()), dropped,
                    received.get() / elapsed);
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
        return new MediaParameters((InetSocketAddress) phone.getLocalAddress(), codec, 101, 101, 20, Direction.SENDRECV);
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
