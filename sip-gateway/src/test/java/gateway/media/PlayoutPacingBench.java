package gateway.media;

import config.model.PortRange;
import gateway.net.CallLoops;
import gateway.net.Transport;
import gateway.rtp.RtpConfig;
import gateway.rtp.RtpEngine;
import gateway.rtp.RtpLeg;
import gateway.rtp.RtpLegListener;
import gateway.sdp.Direction;
import gateway.sdp.MediaParameters;
import io.netty.channel.EventLoop;
import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Playback pacing under load (scripts/bench-media.sh): {@code calls} RTP legs of the gateway's
 * engine, on its call loops, each play one {@code seconds}-long prompt through the loops'
 * playouts to its own UDP socket on loopback; one receiver thread timestamps every arrival and
 * reports the inter-packet gaps of each stream. SIP is left out: call set-up does not touch
 * pacing. The receiver shares the machine with the server, so its own delays count as jitter.
 *
 * <p>Arguments: {@code [calls=500] [seconds=60] [callThreads=2]}.
 */
public final class PlayoutPacingBench {
    /** Gap histogram resolution: 10 µs buckets up to 2 s. */
    private static final long BUCKET_NANOS = 10_000;
    private static final int BUCKETS = 200_000;
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(30);

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        Prompt prompt = Prompt.of(seconds + " s tone", ToneGenerator.tone(seconds * 1000, 0.3, 440));

        Receiver rx = new Receiver(calls, loopback);
        CallLoops loops = new CallLoops(Transport.best(), threads);
        RtpEngine engine = new RtpEngine(loops.transport(),
                new RtpConfig(loopback, new PortRange(40_000, 40_000 + 4 * calls - 1)));
        LoopPlayouts playouts = new LoopPlayouts();
        CountDownLatch done = new CountDownLatch(calls);
        Thread receiver = new Thread(rx, "bench-receiver");
        receiver.start();
        long began = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            InetSocketAddress to = rx.address(i);
            EventLoop loop = loops.loopFor("bench-call-" + i);
            engine.open(loop, new RtpLegListener() { }).addListener(f -> {
                if (!f.isSuccess()) {
                    System.err.println("leg not opened: " + f.cause());
                    done.countDown();
                    return;
                }
                RtpLeg leg = (RtpLeg) f.getNow();
                leg.media(new MediaParameters(to, Codec.PCMU, -1, -1, 20, Direction.SENDRECV));
                playouts.channel(leg).play(prompt, () -> {
                    leg.close();
                    done.countDown();
                });
            });
        }
        boolean finished = done.await(seconds + 60L, TimeUnit.SECONDS);
        // the last packets are in flight for a moment after the last frame was handed to the socket
        TimeUnit.MILLISECONDS.sleep(200);
        rx.stop();
        receiver.join(5_000);
        long slips = 0;
        for (EventLoop l : loops.loops()) {
            slips += playoutSlips(playouts, l);
        }
        playouts.close();
        loops.close();
        rx.report(calls, prompt.frameCount(), seconds, threads, slips, finished,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
    }

    private static long playoutSlips(LoopPlayouts playouts, EventLoop loop) throws Exception {
        return loop.submit(() -> playouts.of(loop).slips()).get(5, TimeUnit.SECONDS);
    }

    /** Every stream's socket, read by one thread through a selector. */
    private static final class Receiver implements Runnable {
        private final DatagramChannel[] channels;
        private final Selector selector;
        private final long[] lastNanos;
        private final long[] packets;
        private final long[] gaps = new long[BUCKETS + 1];
        private long gapCount;
        private long late;
        private long maxGapNanos;
        private volatile boolean running = true;

        Receiver(int calls, InetAddress address) throws IOException {
            channels = new DatagramChannel[calls];
            lastNanos = new long[calls];
            packets = new long[calls];
            selector = Selector.open();
            for (int i = 0; i < calls; i++) {
                DatagramChannel ch = DatagramChannel.open();
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 18);
                ch.bind(new InetSocketAddress(address, 0));
                ch.configureBlocking(false);
                ch.register(selector, SelectionKey.OP_READ, i);
                channels[i] = ch;
            }
        }

        InetSocketAddress address(int i) {
            try {
                return (InetSocketAddress) channels[i].getLocalAddress();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        @Override
        public void run() {
            ByteBuffer buf = ByteBuffer.allocateDirect(2048);
            try {
                while (running) {
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        int stream = (Integer) key.attachment();
                        DatagramChannel ch = (DatagramChannel) key.channel();
                        while (true) {
                            buf.clear();
                            if (ch.receive(buf) == null) {
                                break;
                            }
                            arrived(stream, System.nanoTime());
                        }
                    }
                    selector.selectedKeys().clear();
                }
                for (DatagramChannel ch : channels) {
                    ch.close();
                }
                selector.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void arrived(int stream, long now) {
            if (packets[stream]++ > 0) {
                long gap = now - lastNanos[stream];
                gaps[(int) Math.min(BUCKETS, gap / BUCKET_NANOS)]++;
                gapCount++;
                maxGapNanos = Math.max(maxGapNanos, gap);
                if (gap > LATE_NANOS) {
                    late++;
                }
            }
            lastNanos[stream] = now;
        }

        private double percentileMs(double q) {
            long rank = (long) Math.ceil(q * gapCount);
            long seen = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                seen += gaps[i];
                if (seen >= rank) {
                    return (i + 0.5) * BUCKET_NANOS / 1e6;
                }
            }
            return Double.NaN;
        }

        void report(int calls, int framesPerCall, int seconds, int threads, long slips, boolean finished, long wallMs) {
            long received = 0;
            for (long p : packets) {
                received += p;
            }
            long expected = (long) calls * framesPerCall;
            System.out.printf(Locale.ROOT, "media pacing: %d calls x %d s prompt, %d call loops, %s, wall %d ms%n",
                    calls, seconds, threads, finished ? "all prompts finished" : "NOT all prompts finished", wallMs);
            System.out.printf(Locale.ROOT, "packets received %d of %d (%.3f%% lost), playout slips %d%n",
                    received, expected, 100.0 * (expected - received) / expected, slips);
            System.out.printf(Locale.ROOT, "inter-packet gap ms: p50 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    percentileMs(0.50), percentileMs(0.99), percentileMs(0.999), maxGapNanos / 1e6);
            System.out.printf(Locale.ROOT, "gaps over 30 ms: %d of %d (%.4f%%)%n", late, gapCount,
                    gapCount == 0 ? 0.0 : 100.0 * late / gapCount);
        }
    }
}
