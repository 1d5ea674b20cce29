package gateway.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.PortRange;
import gateway.net.CallLoops;
import gateway.net.Transport;
import gateway.rtp.TestPhone.Rtp;
import gateway.sdp.Direction;
import gateway.sdp.MediaParameters;
import gateway.testkit.Await;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;
import ivr.audio.Codec;
import ivr.audio.G711;
import ivr.dtmf.TelephoneEventDecoder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The relay over real UDP on 127.0.0.1: plain DatagramSockets play the phones. */
class RtpRelayTest {
    private static final int TE = 101;
    private static CallLoops loops;
    private static RtpEngine engine;

    private final EventLoop loop = loops.loopFor("call-" + System.nanoTime());
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final BlockingQueue<RawEvent> events = new ArrayBlockingQueue<>(100);

    @BeforeAll
    static void start() {
        LeakCheck.install();
        loops = new CallLoops(Transport.best(), 2);
        engine = new RtpEngine(Transport.best(),
                new RtpConfig(TestPhone.LOOPBACK, new PortRange(26000, 26999)));
    }

    @AfterAll
    static void stop() {
        loops.close();
        assertEquals(List.of(), LeakCheck.leaks());
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
        assertEquals(0, engine.ports().inUse(), "ports still in use after every leg closed");
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    private void run(Runnable task) throws Exception {
        onLoop(() -> {
            task.run();
            return null;
        });
    }

    private TestPhone phone(int ssrc) throws IOException {
        TestPhone p = new TestPhone(ssrc);
        cleanup.add(p);
        return p;
    }

    private RtpLeg leg(TestPhone peer, Codec codec, int sendEventPt) throws Exception {
        RtpLeg leg = engine.open(loop, new RtpLegListener() {
            @Override
            public void onTelephoneEvent(RtpLeg l, int payloadType, long rtpTimestamp, ByteBuf payload) {
                events.add(new RawEvent(payloadType, rtpTimestamp, ByteBufUtil.getBytes(payload)));
            }
        }).get(5, TimeUnit.SECONDS);
        cleanup.add(0, () -> leg.close().get(5, TimeUnit.SECONDS));
        run(() -> leg.media(media(peer.address(), codec, sendEventPt)));
        return leg;
    }

    /** A telephone-event payload as the leg hands it over, copied. */
    private record RawEvent(int payloadType, long rtpTimestamp, byte[] payload) {
    }

    /** A caller and an agent phone, each with its leg, the legs bridged. */
    private record Call(TestPhone caller, TestPhone agent, RtpLeg a, RtpLeg b) {
    }

    private Call bridged(Codec callerCodec, Codec agentCodec, int agentEventPt) throws Exception {
        TestPhone caller = phone(1111);
        TestPhone agent = phone(2222);
        RtpLeg a = leg(caller, callerCodec, TE);
        RtpLeg b = leg(agent, agentCodec, agentEventPt);
        run(() -> engine.bridge(a, b));
        return new Call(caller, agent, a, b);
    }

    private static MediaParameters media(InetSocketAddress remote, Codec codec, int sendEventPt) {
        return new MediaParameters(remote, codec, sendEventPt, TE, 20, Direction.SENDRECV);
    }

    private static byte[] audio(int seed) {
        byte[] b = new byte[160];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    @Test
    void relaysBothWays() throws Exception {
        Call call = bridged(Codec.PCMU, Codec.PCMU, TE);
        for (int i = 0; i < 5; i++) {
            call.caller().sendAudio(call.a(), 0, audio(i));
            Rtp got = call.agent().receive();
            assertArrayEquals(audio(i), got.payload());
            assertEquals(0, got.payloadType());
            assertEquals(call.b().ssrc(), got.ssrc());

            call.agent().sendAudio(call.b(), 0, audio(100 + i));
            Rtp back = call.caller().receive();
            assertArrayEquals(audio(100 + i), back.payload());
            assertEquals(call.a().ssrc(), back.ssrc());
        }
        RtpStats stats = onLoop(call.a()::stats);
        assertEquals(5, stats.packetsIn());
        assertEquals(5, stats.packetsOut());
        assertEquals(5 * 172, stats.bytesIn());
        assertEquals(0, stats.dropped());
    }

    @Test
    void transcodesBetweenTheLawsByTable() throws Exception {
        Call call = bridged(Codec.PCMU, Codec.PCMA, TE);
        byte[] every = new byte[256];
        for (int i = 0; i < 256; i++) {
            every[i] = (byte) i;
        }
        byte[] asAlaw = new byte[256];
        byte[] asUlaw = new byte[256];
        for (int i = 0; i < 256; i++) {
            asAlaw[i] = G711.ulawToAlaw(every[i]);
            asUlaw[i] = G711.alawToUlaw(every[i]);
        }

        call.caller().sendAudio(call.a(), 0, every);
        Rtp toAgent = call.agent().receive();
        assertEquals(8, toAgent.payloadType());
        assertArrayEquals(asAlaw, toAgent.payload());

        call.agent().sendAudio(call.b(), 8, every);
        Rtp toCaller = call.caller().receive();
        assertEquals(0, toCaller.payloadType());
        assertArrayEquals(asUlaw, toCaller.payload());
    }

    @Test
    void passesTelephoneEventsThroughWithTheOtherLegsPayloadType() throws Exception {
        Call call = bridged(Codec.PCMU, Codec.PCMA, 96);
        byte[] digit5End = {5, (byte) 0x8A, 0x03, 0x20};
        call.caller().sendRaw(call.a(), Rtp.build(TE, true, 7, 8000, 1, digit5End));

        Rtp got = call.agent().receive();
        assertEquals(96, got.payloadType());
        assertArrayEquals(digit5End, got.payload());
        RawEvent event = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(event, "the listener saw the event");
        assertEquals(TE, event.payloadType());
        assertEquals(8000, event.rtpTimestamp());
        assertArrayEquals(digit5End, event.payload());
        StringBuilder keys = new StringBuilder();
        TelephoneEventDecoder decoder = new TelephoneEventDecoder(event.payloadType(), keys::append);
        decoder.onPacket((int) event.rtpTimestamp(), event.payload(), 0, event.payload().length);
        assertEquals("5", keys.toString());
        assertTrue(decoder.idle(), "the end bit was seen");
    }

    @Test
    void aKeyWeSendJoinsTheRelayedStreamWithoutBreakingIt() throws Exception {
        Call call = bridged(Codec.PCMU, Codec.PCMU, 96);
        call.caller().sendAudio(call.a(), 0, audio(1));
        Rtp before = call.agent().receive();
        // one 20 ms event: its three end packets go out at once
        assertTrue(onLoop(() -> call.b().sendKey('4', 20)));
        List<Rtp> event = List.of(call.agent().receive(), call.agent().receive(), call.agent().receive());
        call.caller().sendAudio(call.a(), 0, audio(2));
        Rtp after = call.agent().receive();

        for (int i = 0; i < 3; i++) {
            Rtp e = event.get(i);
            assertEquals(96, e.payloadType(), "the agent's telephone-event payload type");
            assertEquals(before.ssrc(), e.ssrc());
            assertEquals((before.sequence() + 1 + i) & 0xFFFF, e.sequence());
            assertEquals(event.get(0).timestamp(), e.timestamp());
            assertArrayEquals(new byte[] {4, (byte) 0x8A, 0, (byte) 160}, e.payload());
        }
        assertTrue(event.get(0).marker(), "a new event");
        assertTrue((int) (event.get(0).timestamp() - before.timestamp()) >= 160, "the event starts where the audio is");
        assertEquals((before.sequence() + 4) & 0xFFFF, after.sequence(), "the relayed audio counts on after the event");
        assertEquals(before.timestamp() + 160, after.timestamp(), "and keeps its own timestamps");
        assertFalse(after.marker(), "no resynchronisation");

        Call withoutEvents = bridged(Codec.PCMU, Codec.PCMU, -1);
        assertFalse(onLoop(() -> withoutEvents.b().sendKey('4', 20)), "no telephone-event: nothing to send with");
    }

    @Test
    void eachSideSeesOneStreamAcrossRebridgingAndPlayback() throws Exception {
        TestPhone caller = phone(10);
        TestPhone agent1 = phone(20);
        TestPhone agent2 = phone(30);
        RtpLeg a = leg(caller, Codec.PCMU, TE);
        RtpLeg b1 = leg(agent1, Codec.PCMU, TE);
        RtpLeg b2 = leg(agent2, Codec.PCMA, TE);
        List<Rtp> heard = new ArrayList<>();

        run(() -> engine.bridge(a, b1));
        for (int i = 0; i < 3; i++) {
            agent1.sendAudio(b1, 0, audio(i));
            heard.add(caller.receive());
        }
        run(() -> engine.bridge(a, b2));
        for (int i = 0; i < 3; i++) {
            agent2.sendAudio(b2, 8, audio(i));
            heard.add(caller.receive());
        }
        run(() -> engine.unbridge(a));
        assertNull(onLoop(a::partner));
        assertNull(onLoop(b2::partner));
        for (int i = 0; i < 3; i++) {
            assertTrue(onLoop(() -> a.send(0, audio(50), 160)));
            heard.add(caller.receive());
        }
        run(() -> engine.bridge(a, b1));
        for (int i = 0; i < 3; i++) {
            agent1.sendAudio(b1, 0, audio(i));
            heard.add(caller.receive());
        }

        Rtp first = heard.get(0);
        for (int i = 1; i < heard.size(); i++) {
            Rtp prev = heard.get(i - 1);
            Rtp p = heard.get(i);
            assertEquals(first.ssrc(), p.ssrc(), "SSRC changed at packet " + i);
            assertEquals((prev.sequence() + 1) & 0xFFFF, p.sequence(), "sequence broke at packet " + i);
            assertTrue((int) (p.timestamp() - prev.timestamp()) >= prev.payload().length,
                    "timestamp went back or overlapped at packet " + i);
            assertEquals(i % 3 == 0, p.marker(), "marker bit only where the source changed, packet " + i);
        }
    }

    @Test
    void latchesToWherePacketsComeFrom() throws Exception {
        TestPhone sdpAddress = phone(1);
        TestPhone behindNat = phone(1);
        TestPhone agent = phone(2);
        RtpLeg a = leg(sdpAddress, Codec.PCMU, TE);
        RtpLeg b = leg(agent, Codec.PCMU, TE);
        run(() -> engine.bridge(a, b));

        agent.sendAudio(b, 0, audio(1));
        assertArrayEquals(audio(1), sdpAddress.receive().payload());

        behindNat.sendAudio(a, 0, audio(2));
        assertArrayEquals(audio(2), agent.receive().payload());
        assertEquals(behindNat.address(), onLoop(a::sendTarget));
        agent.sendAudio(b, 0, audio(3));
        assertArrayEquals(audio(3), behindNat.receive().payload());

        // a stranger is ignored while the latched source is live, and taken once it has gone quiet
        sdpAddress.sendAudio(a, 0, audio(4));
        Await.until(() -> {
            if (sdpAddress.address().equals(onLoop(a::sendTarget))) {
                return true;
            }
            assertTrue(sdpAddress.poll(50).isEmpty(), "sent to the stranger");
            sdpAddress.sendAudio(a, 0, audio(4));
            return false;
        }, Duration.ofSeconds(10), () -> "never re-latched to the new source; sending to " + a.sendTarget());
        assertArrayEquals(audio(4), agent.receive().payload());
        assertTrue(onLoop(a::stats).dropped() >= 1, "the stranger's first packet was dropped");
        assertEquals(1, onLoop(a::stats).relatches());
    }

    @Test
    void dropsWhatIsNotOurRtpAndKeepsRelaying() throws Exception {
        Call call = bridged(Codec.PCMU, Codec.PCMU, TE);
        TestPhone caller = call.caller();
        RtpLeg a = call.a();
        caller.sendRaw(a, new byte[] {1, 2, 3});
        caller.sendRaw(a, new byte[40]);
        caller.sendRaw(a, Rtp.build(13, false, 1, 1, 1, new byte[] {0x40}));
        caller.sendRaw(a, Rtp.build(TE, false, 1, 1, 1, new byte[] {1}));
        byte[] extensionOverrun = Rtp.build(0, false, 1, 1, 1, new byte[2]);
        extensionOverrun[0] |= 0x10;
        caller.sendRaw(a, extensionOverrun);
        caller.sendAudio(a, 0, audio(9));
        assertArrayEquals(audio(9), call.agent().receive().payload());
        assertEquals(5, onLoop(a::stats).dropped());
    }

    @Test
    void sendsNothingToAPeerOnHold() throws Exception {
        TestPhone caller = phone(1);
        RtpLeg a = leg(caller, Codec.PCMU, TE);
        run(() -> a.media(new MediaParameters(null, Codec.PCMU, TE, TE, 20, Direction.SENDONLY)));
        assertFalse(onLoop(() -> a.send(0, audio(1), 160)));
        run(() -> a.media(media(caller.address(), Codec.PCMU, TE)));
        assertTrue(onLoop(() -> a.send(0, audio(1), 160)));
        assertArrayEquals(audio(1), caller.receive().payload());
    }

    @Test
    void tapsSeeEachPartysAudioAsReceived() throws Exception {
        Call call = bridged(Codec.PCMU, Codec.PCMA, TE);
        BlockingQueue<String> tapped = new ArrayBlockingQueue<>(10);
        RtpTap tap = (leg, codec, payload, ts) -> tapped.add(
                (leg == call.a() ? "caller " : "agent ") + codec + " " + payload.readableBytes() + " " + payload.getByte(0));
        run(() -> {
            call.a().tap(tap);
            call.b().tap(tap);
        });
        call.caller().sendAudio(call.a(), 0, audio(7));
        call.agent().receive();
        call.agent().sendAudio(call.b(), 8, audio(9));
        call.caller().receive();
        assertEquals("caller PCMU 160 7", tapped.poll(5, TimeUnit.SECONDS));
        assertEquals("agent PCMA 160 9", tapped.poll(5, TimeUnit.SECONDS));
    }
}
