package gateway.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.RingEnd;
import acd.event.AcdEvent;
import acd.queue.MemberSpec;
import acd.queue.QueueSpec;
import acd.strategy.StrategyKind;
import config.build.IvrSpecs;
import config.model.Forward;
import gateway.call.PhoneCalls.Caller;
import gateway.leg.AgentRoute;
import gateway.testphone.Incoming;
import gateway.testphone.TestPhone;
import ivr.audio.Codec;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import ivr.menu.Destination;
import ivr.queue.QueueAudio;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

/**
 * forwardConfirm: an agent's personal device that answers must press 1 before the caller is put
 * through; silence, another key or hanging up is a no-answer and the next agent is rung. Carol
 * is rung on her device only (priority 1), alice on her desk phone (priority 2).
 */
class DeviceConfirmTest {
    private static final Duration WAIT = CallRig.WAIT;
    private static final byte DEVICE_AUDIO = 0x33;
    private static final Prompt PRESS_ONE = CallRig.tone("press one", 400, 700);
    private static final Prompt MUSIC = CallRig.tone("sales music", 600, 300);

    private static CallRig rig(long ringTimeoutMs, Boolean agentConfirms, TestPhone device) throws Exception {
        QueueSpec sales = QueueSpec.of("sales", StrategyKind.PRIORITY,
                List.of(new MemberSpec("carol", 1), new MemberSpec("alice", 2))).withRingTimeoutMs(ringTimeoutMs);
        return CallRig.builder().queue(sales).number("5000", Destination.queue("sales"))
                .queueMedia("sales", new IvrSpecs.QueueMedia("Sales", new QueueAudio(null, MUSIC, null, null), false,
                        Destination.HANGUP, true))
                .sounds(new IvrSpecs.SharedSounds(CallRig.tone("vm", 200, 500), ToneGenerator.beep(),
                        CallRig.tone("hold", 1000, 350), PRESS_ONE))
                .agent(new AgentRoute("carol", "1003", device.user(), Forward.ALWAYS, CallRig.trunkAt(device),
                        agentConfirms))
                .agent("alice", "1001").start();
    }

    private static TestPhone device() throws Exception {
        return TestPhone.builder("+15550100009").localAddress(CallRig.TRUNK_ADDRESS).domain(CallRig.DOMAIN).server(9)
                .start();
    }

    private static Caller dial(CallRig rig) throws Exception {
        return PhoneCalls.dial(rig.trunkPhone("+15550001"), rig.rtp(CallRig.TRUNK_ADDRESS), "5000", WAIT, 0, 101);
    }

    /** The device answers (with telephone-event) and talks; returns its RTP once it hears the prompt. */
    private static RtpPeer answerDevice(CallRig rig, Incoming invite) throws Exception {
        RtpPeer rtp = rig.rtp(CallRig.TRUNK_ADDRESS);
        invite.ringing();
        invite.answer(rtp.sdp(0, 101));
        rtp.sendTo(invite.body(), 0, DEVICE_AUDIO);
        rtp.awaitFrame(PRESS_ONE, Codec.PCMU, 0, WAIT);
        return rtp;
    }

    private static boolean isMusic(RtpPeer.Packet p) {
        for (int i = 0; i < MUSIC.frameCount(); i++) {
            if (Arrays.equals(p.payload(), MUSIC.frame(Codec.PCMU, i))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aDeviceThatAnswersWithoutPressingOneIsNotBridgedAndTheNextAgentIsRung() throws Exception {
        TestPhone device = device();
        try (device; CallRig rig = rig(4_000, null, device)) { // long enough to answer on a busy machine
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            Caller caller = dial(rig);
            Incoming invite = device.awaitRequest("INVITE", WAIT);
            answerDevice(rig, invite);

            device.awaitRequest("BYE", WAIT);
            AcdEvent.RingNoAnswer missed = rig.awaitEvent(AcdEvent.RingNoAnswer.class, e -> e.agentId().equals("carol"));
            assertEquals(RingEnd.TIMEOUT, missed.reason(), "silence runs into the ring timeout");
            PhoneCalls.answer(alice.awaitRequest("INVITE", WAIT), rig.rtp("127.0.0.1"), 0).awaitAudio(
                    PhoneCalls.CALLER_AUDIO, WAIT);

            AtomicBoolean heardDevice = new AtomicBoolean();
            caller.rtp().await(p -> {
                heardDevice.compareAndSet(false, RtpPeer.carries(p, DEVICE_AUDIO));
                return RtpPeer.carries(p, PhoneCalls.AGENT_AUDIO);
            }, WAIT, "alice's audio");
            assertFalse(heardDevice.get(), "the caller never heard the unconfirmed device");
            assertEquals("alice", rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true).agentId());
        }
    }

    /** What the device does once it hears the prompt: a key in its RTP or its dialog, or hanging up. */
    @FunctionalInterface
    private interface DeviceAct {
        void on(Incoming dialog, RtpPeer rtp) throws Exception;
    }

    private static DeviceAct rfc4733(char key) {
        return (dialog, rtp) -> rtp.pressKey(key, 101);
    }

    private static DeviceAct info(char key) {
        return (dialog, rtp) -> assertEquals(Response.OK, dialog.info("application/dtmf-relay",
                "Signal=" + key + "\r\nDuration=160\r\n").awaitFinal(WAIT).getStatusCode());
    }

    /** The device confirms by {@code press}: the caller, on hold music until then, talks with it both ways. */
    private static void confirmedBy(DeviceAct press) throws Exception {
        TestPhone device = device();
        try (device; CallRig rig = rig(20_000, null, device)) {
            Caller caller = dial(rig);
            Incoming invite = device.awaitRequest("INVITE", WAIT);
            RtpPeer deviceRtp = answerDevice(rig, invite);
            caller.rtp().clear();
            caller.rtp().await(DeviceConfirmTest::isMusic, WAIT, "hold music while the device confirms");

            press.on(invite, deviceRtp);
            deviceRtp.awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            for (int heard = 0; heard < 25; heard++) { // half a second of the device: the key's tail would be in it
                RtpPeer.Packet p = caller.rtp().await(x -> x.payloadType() == 101 || RtpPeer.carries(x, DEVICE_AUDIO),
                        WAIT, "the device's audio");
                assertFalse(p.payloadType() == 101, "the key that confirmed the answer reached the caller");
            }
            assertEquals("carol", rig.awaitEvent(AcdEvent.CallAnswered.class, e -> true).agentId());
        }
    }

    /** The device does {@code act} instead of pressing 1: a missed ring, unconfirmed, and alice is rung next. */
    private static void refusedBy(DeviceAct act, boolean weHangUp) throws Exception {
        TestPhone device = device();
        try (device; CallRig rig = rig(20_000, null, device)) {
            TestPhone alice = rig.onlineAgent("alice", "1001", "UDP");
            dial(rig);
            Incoming invite = device.awaitRequest("INVITE", WAIT);
            act.on(invite, answerDevice(rig, invite));
            if (weHangUp) {
                device.awaitRequest("BYE", WAIT);
            }
            AcdEvent.RingNoAnswer missed = rig.awaitEvent(AcdEvent.RingNoAnswer.class, e -> e.agentId().equals("carol"));
            assertEquals(RingEnd.UNCONFIRMED, missed.reason());
            alice.awaitRequest("INVITE", WAIT);
        }
    }

    @Test
    void pressingOneByRfc4733BridgesTheDeviceWithAudioBothWays() throws Exception {
        confirmedBy(rfc4733('1'));
    }

    @Test
    void pressingOneByInfoBridgesTheDeviceWithAudioBothWays() throws Exception {
        confirmedBy(info('1'));
    }

    @Test
    void anotherKeyRefuses() throws Exception {
        refusedBy(rfc4733('2'), true);
        refusedBy(info('#'), true);
    }

    @Test
    void aDeviceThatHangsUpUnconfirmedIsAMissedRing() throws Exception {
        refusedBy((dialog, rtp) -> assertEquals(Response.OK, dialog.bye().awaitFinal(WAIT).getStatusCode()), false);
    }

    @Test
    void theAgentsOwnSettingWinsOverTheQueues() throws Exception {
        TestPhone device = device();
        try (device; CallRig rig = rig(20_000, false, device)) {
            Caller caller = dial(rig);
            Incoming invite = device.awaitRequest("INVITE", WAIT);
            PhoneCalls.answer(invite, rig.rtp(CallRig.TRUNK_ADDRESS), 0).awaitAudio(PhoneCalls.CALLER_AUDIO, WAIT);
            caller.rtp().awaitAudio(PhoneCalls.AGENT_AUDIO, WAIT);
            assertTrue(invite.request().getRequestURI().toString().contains("+15550100009"));
        }
    }
}
