package gateway.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import config.model.PortRange;
import gateway.net.CallLoops;
import gateway.net.Transport;
import gateway.sdp.Direction;
import gateway.sdp.MediaParameters;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.Epoll;
import io.netty.util.concurrent.Future;
import ivr.audio.Codec;
import ivr.testkit.ExpectedLog;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Opening and closing legs: ports come back, the range can run out, dead legs are found. */
class RtpLegLifecycleTest {
    private static final RtpLegListener QUIET = new RtpLegListener() {
    };
    private static CallLoops loops;

    @BeforeAll
    static void start() {
        LeakCheck.install();
        loops = new CallLoops(Transport.best(), 2);
    }

    @AfterAll
    static void stop() {
        loops.close();
        assertEquals(List.of(), LeakCheck.leaks());
    }

    private static RtpEngine engine(PortRange ports, Duration timeout) {
        return new RtpEngine(Transport.best(), new RtpConfig(TestPhone.LOOPBACK, ports, timeout));
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void thousandsOfLegsOpenAndCloseOnEveryLoopAndLeaveNoPortBehind(Transport transport) throws Exception {
        assumeTrue(transport != Transport.EPOLL || Epoll.isAvailable());
        RtpEngine engine = new RtpEngine(transport, new RtpConfig(TestPhone.LOOPBACK, new PortRange(27000, 27199)));
        try (CallLoops own = new CallLoops(transport, 2)) {
            churn(engine, own);
            // the sockets are really gone, not just counted as free: every port of the range binds again
            for (int port = 27000; port < 27200; port++) {
                try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(TestPhone.LOOPBACK, port))) {
                    assertTrue(s.isBound());
                }
            }
        }
    }

    private static void churn(RtpEngine engine, CallLoops on) throws Exception {
        for (int round = 0; round < 60; round++) {
            List<Future<RtpLeg>> opening = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                opening.add(engine.open(on.loopFor("call-" + round + "-" + i), QUIET));
            }
            List<Future<Void>> closing = new ArrayList<>();
            for (int i = 0; i < opening.size(); i += 2) {
                RtpLeg a = opening.get(i).get(5, TimeUnit.SECONDS);
                RtpLeg b = opening.get(i + 1).get(5, TimeUnit.SECONDS);
                if (a.loop() == b.loop()) {
                    a.loop().submit(() -> engine.bridge(a, b)).get(5, TimeUnit.SECONDS);
                }
                closing.add(a.close());
                closing.add(b.close());
            }
            for (Future<Void> c : closing) {
                c.get(5, TimeUnit.SECONDS);
            }
            assertEquals(0, engine.ports().inUse());
        }
    }

    @Test
    void anExhaustedRangeFailsTheOpenClearly() throws Exception {
        RtpEngine engine = engine(new PortRange(27400, 27403), RtpConfig.DEFAULT_INACTIVITY_TIMEOUT);
        EventLoop loop = loops.loopFor("x");
        RtpLeg a = engine.open(loop, QUIET).get(5, TimeUnit.SECONDS);
        RtpLeg b = engine.open(loop, QUIET).get(5, TimeUnit.SECONDS);
        try (ExpectedLog log = ExpectedLog.of(RtpEngine.class)) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> engine.open(loop, QUIET).get(5, TimeUnit.SECONDS));
            assertInstanceOf(PortsExhaustedException.class, e.getCause());
            assertEquals(List.of(e.getCause().getMessage()), log.warnings());
        }
        a.close().get(5, TimeUnit.SECONDS);
        RtpLeg c = engine.open(loop, QUIET).get(5, TimeUnit.SECONDS);
        b.close().get(5, TimeUnit.SECONDS);
        c.close().get(5, TimeUnit.SECONDS);
        assertEquals(0, engine.ports().inUse());
    }

    @Test
    void skipsAPairSomeoneElseHolds() throws Exception {
        RtpEngine engine = engine(new PortRange(27500, 27505), RtpConfig.DEFAULT_INACTIVITY_TIMEOUT);
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(TestPhone.LOOPBACK, 27501))) {
            RtpLeg leg = engine.open(loops.loopFor("y"), QUIET).get(5, TimeUnit.SECONDS);
            assertEquals(27502, leg.port());
            assertEquals(1, engine.ports().inUse());
            leg.close().get(5, TimeUnit.SECONDS);
        }
        assertEquals(0, engine.ports().inUse());
    }

    /**
     * Another process holds a block in the middle of the range: every other pair still opens, the
     * block costs one failed bind per pair (then is skipped), and a full range says who holds it.
     */
    @Test
    void aBlockSomeoneElseHoldsIsSkippedAndTheRestOfTheRangeServes() throws Exception {
        List<DatagramSocket> block = freeBlock(40);
        int first = block.get(0).getLocalPort();
        List<DatagramSocket> squatters = new ArrayList<>(block.subList(10, 30)); // pairs 5..14 of 20
        for (DatagramSocket s : block.subList(0, 10)) {
            s.close();
        }
        for (DatagramSocket s : block.subList(30, 40)) {
            s.close();
        }
        RtpEngine engine = engine(new PortRange(first, first + 39), RtpConfig.DEFAULT_INACTIVITY_TIMEOUT);
        EventLoop loop = loops.loopFor("z");
        List<RtpLeg> legs = new ArrayList<>();
        try (ExpectedLog log = ExpectedLog.atInfo(RtpEngine.class.getName())) {
            while (true) {
                try {
                    legs.add(engine.open(loop, QUIET).get(5, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    assertInstanceOf(PortsExhaustedException.class, e.getCause(), e.getCause().toString());
                    assertTrue(e.getCause().getMessage().contains("held by other processes"), e.getCause().getMessage());
                    break;
                }
            }
            // a port freed between the probe and the engine's bind by a racing process is only held too
            int held = engine.ports().heldElsewhere();
            assertTrue(held >= 10, held + " pairs found held");
            assertEquals(20, legs.size() + held);
            for (RtpLeg leg : legs) {
                assertTrue(leg.port() < first + 10 || leg.port() >= first + 30, "squatted port " + leg.port());
            }
            assertEquals(1, log.lines().stream().filter(l -> l.contains("taken by another process")).count(),
                    "one line per hold, not one per pair: " + log.lines());
            assertEquals(1, log.warnings().size(), log.warnings().toString());
        } finally {
            squatters.forEach(DatagramSocket::close);
            for (RtpLeg leg : legs) {
                leg.close().get(5, TimeUnit.SECONDS);
            }
        }
        assertEquals(0, engine.ports().inUse());
    }

    /** {@code size} consecutive UDP ports bound on loopback, from an even one: a block free right now. */
    private static List<DatagramSocket> freeBlock(int size) {
        for (int tries = 0; tries < 100; tries++) {
            int base = 30_000 + 2 * ThreadLocalRandom.current().nextInt(0, 12_000);
            List<DatagramSocket> bound = new ArrayList<>();
            try {
                for (int port = base; port < base + size; port++) {
                    bound.add(new DatagramSocket(new InetSocketAddress(TestPhone.LOOPBACK, port)));
                }
                return bound;
            } catch (SocketException taken) {
                bound.forEach(DatagramSocket::close);
            }
        }
        throw new IllegalStateException("no " + size + " consecutive free UDP ports found");
    }

    @Test
    void bridgingIsOnlyForOpenLegsOfOneLoop() throws Exception {
        RtpEngine engine = engine(new PortRange(27600, 27609), RtpConfig.DEFAULT_INACTIVITY_TIMEOUT);
        EventLoop one = loops.loops().get(0);
        EventLoop two = loops.loops().get(1);
        RtpLeg a = engine.open(one, QUIET).get(5, TimeUnit.SECONDS);
        RtpLeg b = engine.open(two, QUIET).get(5, TimeUnit.SECONDS);
        RtpLeg c = engine.open(one, QUIET).get(5, TimeUnit.SECONDS);
        assertThrows(IllegalArgumentException.class, () -> engine.bridge(a, b));
        assertThrows(IllegalStateException.class, () -> engine.bridge(a, c), "called off the loop");
        c.close().get(5, TimeUnit.SECONDS);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> one.submit(() -> engine.bridge(a, c)).get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        a.close().get(5, TimeUnit.SECONDS);
        b.close().get(5, TimeUnit.SECONDS);
    }

    @Test
    void aSilentBridgedLegIsReportedDeadAndAHeldOneIsNot() throws Exception {
        RtpEngine engine = engine(new PortRange(27700, 27709), Duration.ofMillis(300));
        EventLoop loop = loops.loopFor("dead-call");
        List<RtpLeg> reported = new ArrayList<>();
        CountDownLatch dead = new CountDownLatch(1);
        RtpLegListener listener = new RtpLegListener() {
            @Override
            public void onInactive(RtpLeg leg) {
                reported.add(leg);
                dead.countDown();
            }
        };
        RtpLeg silent = engine.open(loop, listener).get(5, TimeUnit.SECONDS);
        RtpLeg held = engine.open(loop, listener).get(5, TimeUnit.SECONDS);
        try (TestPhone quiet = new TestPhone(1); TestPhone holder = new TestPhone(2)) {
            loop.submit(() -> {
                silent.media(media(quiet.address(), Direction.SENDRECV));
                held.media(media(holder.address(), Direction.INACTIVE));
                engine.bridge(silent, held);
            }).get(5, TimeUnit.SECONDS);
            assertTrue(dead.await(10, TimeUnit.SECONDS), "the silent leg was never reported");
            // both legs were watched from the same instant, so a wrongly idle held leg shows up here too
            assertEquals(List.of(silent), loop.submit(() -> List.copyOf(reported)).get(5, TimeUnit.SECONDS));
        } finally {
            silent.close().get(5, TimeUnit.SECONDS);
            held.close().get(5, TimeUnit.SECONDS);
        }
        assertEquals(0, engine.ports().inUse());
    }

    private static MediaParameters media(InetSocketAddress remote, Direction peer) {
        return new MediaParameters(remote, Codec.PCMU, 101, 101, 20, peer);
    }
}
