package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import gateway.call.PhoneCalls.Caller;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import ivr.audio.Codec;
import ivr.audio.Pcm;
import ivr.audio.ToneGenerator;
import ivr.dtmf.TelephoneEventDecoder;
import ivr.menu.Destination;
import ivr.menu.Menu;
import ivr.testkit.TestAudio;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Response;
import ops.records.CallFacts;
import org.junit.jupiter.api.Test;

/**
 * Keys every way in and every way out, over real SIP and RTP on loopback: a bridged caller's and
 * agent's keys reach the other side by RFC 4733 or SIP INFO, whichever it negotiated, and a
 * caller without telephone-event is heard in-band, by the menu and by the agent.
 */
class DtmfFlowTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final int EVENT_PT = 101;

    private static CallRig.Builder salesAt5000() {
        return CallRig.builder().queue(QueueSpec.of("sales", StrategyKind.PRIORITY, List.of(new MemberSpec("alice", 1))))
                .agent("alice", "1001").number("5000", Destination.queue("sales"));
    }

    /** A caller bridged to alice; each side's SDP has the payload types given (101: telephone-event). */
    private record Bridge(Caller caller, TestPhone agentPhone, Incoming agent, RtpPeer agentRtp) {
        static Bridge of(CallRig rig, int[] callerTypes, int... agentTypes) throws Exception {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000", WAIT,
                    callerTypes);
            Incoming invite = alice.awaitRequest("INVITE", WAIT);
            RtpPeer agentRtp = PhoneCalls.answerWith(invite, rig.rtp("127.0.0.1"), agentTypes);
            agentRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            return new Bridge(caller, alice, invite, agentRtp);
        }
    }

    @Test
    void aCallerWithoutTelephoneEventAndAnAgentWithIt() throws Exception {
        try (CallRig rig = salesAt5000().start()) {
            Bridge call = Bridge.of(rig, new int[] {0}, 0, EVENT_PT);

            Response ok = call.caller().call().info("application/dtmf-relay", "Signal=5\r\nDuration=160\r\n").awaitFinal(WAIT);
            assertEquals(Response.OK, ok.getStatusCode());
            assertIsOneEvent('5', call.agentRtp().awaitEvent(EVENT_PT, WAIT));
            call.agentRtp().awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);

            call.caller().rtp().play(Pcm.silence(40).concat(ToneGenerator.dtmf('9', 120), Pcm.silence(40)));
            assertIsOneEvent('9', call.agentRtp().awaitEvent(EVENT_PT, WAIT));

            call.agentRtp().pressKey('7', EVENT_PT);
            Incoming info = call.caller().phone().awaitRequest("INFO", WAIT);
            assertEquals("application/dtmf-relay", contentType(info));
            assertTrue(info.body().startsWith("Signal=7\r\nDuration="), info.body());
        }
    }

    @Test
    void aCallerWithTelephoneEventAndAnAgentWithoutIt() throws Exception {
        try (CallRig rig = salesAt5000().start()) {
            Bridge call = Bridge.of(rig, new int[] {0, EVENT_PT}, 0);

            call.caller().rtp().pressKey('3', EVENT_PT);
            Incoming info = call.agentPhone().awaitRequest("INFO", WAIT);
            assertTrue(info.body().startsWith("Signal=3\r\n"), info.body());

            assertEquals(Response.OK, call.agent().info("application/dtmf", "#").awaitFinal(WAIT).getStatusCode());
            assertIsOneEvent('#', call.caller().rtp().awaitEvent(EVENT_PT, WAIT));

            call.agentRtp().play(Pcm.silence(40).concat(ToneGenerator.dtmf('0', 120), Pcm.silence(40)));
            assertIsOneEvent('0', call.caller().rtp().awaitEvent(EVENT_PT, WAIT));
        }
    }

    @Test
    void speechAndMusicGiveNoKeyThenAnInbandKeyPicksTheMenuOption() throws Exception {
        Map<String, String> keys = new ConcurrentHashMap<>();
        Menu main = new Menu("main", CallRig.tone("welcome", 400, 500), Duration.ofSeconds(60), Duration.ofSeconds(2), 0,
                null, true, Map.of("1", Destination.queue("sales")), Destination.HANGUP, null);
        try (CallRig rig = salesAt5000().menu(main).number("5001", Destination.menu("main")).facts(keysHeard(keys)).start()) {
            Caller caller = PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5001", WAIT, 0);
            caller.rtp().play(TestAudio.speechLike(2, 5).concat(TestAudio.musicLike(12, 9), ToneGenerator.dtmf('1', 100),
                    Pcm.silence(60)));
            caller.rtp().awaitPlayed(WAIT);
            AcdEvent.CallQueued queued = rig.awaitEvent(AcdEvent.CallQueued.class, e -> true);
            assertEquals("sales", queued.queueId());
            assertEquals("1", keys.get(caller.call().callId()), "the key, and nothing the speech or music sounded like");
        }
    }

    /** One RFC 4733 event for {@code key}: one timestamp, an end, in the same stream (SSRC, sequence) as the audio around it. */
    private static void assertIsOneEvent(char key, List<RtpPeer.Packet> packets) {
        StringBuilder heard = new StringBuilder();
        TelephoneEventDecoder decoder = new TelephoneEventDecoder(EVENT_PT, heard::append);
        Set<Integer> sequences = new HashSet<>();
        RtpPeer.Packet first = packets.get(0);
        for (RtpPeer.Packet p : packets) {
            assertEquals(first.ssrc(), p.ssrc(), "one stream");
            assertTrue(sequences.add(p.seq()), "sequence " + p.seq() + " used twice");
            if (p.payloadType() == EVENT_PT) {
                assertEquals(first.timestamp(), p.timestamp(), "every packet of the event has its start's timestamp");
                decoder.onPacket((int) p.timestamp(), p.payload(), 0, p.payload().length);
            } else {
                assertEquals(Codec.PCMU.payloadType(), p.payloadType());
            }
        }
        assertEquals(String.valueOf(key), heard.toString());
        assertTrue(decoder.idle(), "the event ended");
    }

    private static String contentType(Incoming request) {
        ContentTypeHeader type = (ContentTypeHeader) request.request().getHeader(ContentTypeHeader.NAME);
        return type.getContentType() + "/" + type.getContentSubType();
    }

    /** Call facts that keep only each call's keys, in order, in {@code keys}. */
    private static CallFacts keysHeard(Map<String, String> keys) {
        return (CallFacts) Proxy.newProxyInstance(CallFacts.class.getClassLoader(), new Class<?>[] {CallFacts.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.invoke(keys, args);
                    }
                    if (method.getName().equals("key")) {
                        keys.merge((String) args[0], String.valueOf(args[2]), String::concat);
                    }
                    return null;
                });
    }
}
