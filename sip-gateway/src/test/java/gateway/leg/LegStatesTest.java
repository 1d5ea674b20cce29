package gateway.leg;

import static gateway.leg.Tables.assertIllegalThrow;
import static gateway.leg.Tables.assertTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import acd.call.RingEnd;
import gateway.rtp.RtpLeg;
import gateway.sip.AdmittedInvite;
import gateway.sip.SipReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Each leg's transition table, and its {@code state(next, reason)} refusing every move the table
 * does not list. The legs here send nothing: only transitions whose entry actions need no SIP
 * stack are driven (the SIP side of each is covered over real SIP in {@code CallFlowTest}).
 */
class LegStatesTest {
    private final List<String> disowned = new ArrayList<>();
    private final LegServices services = new LegServices(null, null, null, null,
            new LegRegistry() {
                @Override
                public void own(OutgoingLeg leg) {
                }

                @Override
                public void disown(OutgoingLeg leg) {
                    disowned.add(leg.callId());
                }
            }, "acd.test", null);

    // ---------------------------------------------------------------- caller leg

    @Test
    void callerLegTable() {
        assertTable(CallerLeg.State.class, Map.of(
                CallerLeg.State.PROCEEDING, Set.of(CallerLeg.State.ANSWERED, CallerLeg.State.FAILED),
                CallerLeg.State.ANSWERED, Set.of(CallerLeg.State.TERMINATED)));
    }

    private CallerLeg callerLeg() {
        return new CallerLeg(services, null, "caller@test", new AdmittedInvite(Tables.nullTransaction(), null, null, null, null));
    }

    @Test
    void callerLegAnsweredThenHungUpRefusesEverythingElse() {
        CallerLeg leg = callerLeg();
        assertIllegalThrow(CallerLeg.State.class, leg::state, leg::state);
        leg.state(CallerLeg.State.ANSWERED, "test");
        assertIllegalThrow(CallerLeg.State.class, leg::state, leg::state);
        leg.state(CallerLeg.State.TERMINATED, "test");
        assertIllegalThrow(CallerLeg.State.class, leg::state, leg::state);
    }

    @Test
    void callerLegNeverAnsweredFails() {
        CallerLeg leg = callerLeg();
        leg.state(CallerLeg.State.FAILED, "test");
        assertIllegalThrow(CallerLeg.State.class, leg::state, leg::state);
    }

    // ---------------------------------------------------------------- outgoing leg (fork, device, transfer)

    @Test
    void outgoingLegTable() {
        assertTable(OutgoingLeg.State.class, Map.of(
                OutgoingLeg.State.CALLING, Set.of(OutgoingLeg.State.PROCEEDING, OutgoingLeg.State.ANSWERED,
                        OutgoingLeg.State.CANCELLING, OutgoingLeg.State.FAILED),
                OutgoingLeg.State.PROCEEDING, Set.of(OutgoingLeg.State.CALLING, OutgoingLeg.State.ANSWERED,
                        OutgoingLeg.State.CANCELLING, OutgoingLeg.State.FAILED),
                OutgoingLeg.State.ANSWERED, Set.of(OutgoingLeg.State.TERMINATED),
                OutgoingLeg.State.CANCELLING, Set.of(OutgoingLeg.State.TERMINATED)));
    }

    private OutgoingLeg outgoing(OutgoingLeg.Kind kind) {
        return new OutgoingLeg(services, kind, "caller@test", null, null, new OutgoingLeg.Owner() {
            @Override
            public void answered(OutgoingLeg leg) {
            }

            @Override
            public void finished(OutgoingLeg leg, int status) {
            }

            @Override
            public void hungUp(OutgoingLeg leg) {
            }

            @Override
            public void key(OutgoingLeg leg, char key) {
            }

            @Override
            public void lost(OutgoingLeg leg, String why, SipReason reason) {
            }
        });
    }

    @Test
    void outgoingLegRingsAnswersAndEndsAndIsForgottenOnlyThen() {
        for (OutgoingLeg.Kind kind : OutgoingLeg.Kind.values()) {
            OutgoingLeg leg = outgoing(kind);
            assertIllegalThrow(OutgoingLeg.State.class, leg::state, leg::state);
            leg.state(OutgoingLeg.State.PROCEEDING, "180");
            assertIllegalThrow(OutgoingLeg.State.class, leg::state, leg::state);
            leg.state(OutgoingLeg.State.ANSWERED, "200");
            assertIllegalThrow(OutgoingLeg.State.class, leg::state, leg::state);
            assertTrue(disowned.isEmpty(), "an answered leg stays known: its BYE must find it");
            leg.state(OutgoingLeg.State.TERMINATED, "BYE");
            assertIllegalThrow(OutgoingLeg.State.class, leg::state, leg::state);
            assertEquals(List.of(leg.callId()), disowned);
            disowned.clear();
        }
    }

    @Test
    void outgoingLegCancelledBeforeAnyResponseWaitsForItsResponse() {
        OutgoingLeg leg = outgoing(OutgoingLeg.Kind.AGENT_PHONE);
        leg.state(OutgoingLeg.State.CANCELLING, "ring over");
        assertIllegalThrow(OutgoingLeg.State.class, leg::state, leg::state);
        assertTrue(disowned.isEmpty(), "a leg waiting to send its CANCEL must still find its response");
        leg.state(OutgoingLeg.State.TERMINATED, "487");
        assertEquals(List.of(leg.callId()), disowned);
    }

    @Test
    void outgoingLegRefusedFails() {
        OutgoingLeg leg = outgoing(OutgoingLeg.Kind.DEVICE);
        leg.state(OutgoingLeg.State.FAILED, "486");
        assertIllegalThrow(OutgoingLeg.State.class, leg::state, leg::state);
        assertEquals(List.of(leg.callId()), disowned);
    }

    // ---------------------------------------------------------------- agent ring

    @Test
    void agentRingTable() {
        assertTable(AgentRing.State.class, Map.of(
                AgentRing.State.OPENING, Set.of(AgentRing.State.RINGING_PHONES, AgentRing.State.RINGING_DEVICE,
                        AgentRing.State.ENDED),
                AgentRing.State.RINGING_PHONES, Set.of(AgentRing.State.RINGING_DEVICE, AgentRing.State.ANSWERED,
                        AgentRing.State.ENDED),
                AgentRing.State.RINGING_DEVICE, Set.of(AgentRing.State.CONFIRMING, AgentRing.State.ANSWERED,
                        AgentRing.State.ENDED),
                AgentRing.State.CONFIRMING, Set.of(AgentRing.State.ANSWERED, AgentRing.State.ENDED),
                AgentRing.State.ANSWERED, Set.of(AgentRing.State.BRIDGED, AgentRing.State.ENDED),
                AgentRing.State.BRIDGED, Set.of(AgentRing.State.ENDED)));
    }

    private AgentRing ring(List<String> heard) {
        return new AgentRing(services, null, "caller@test", "+1555", null, AgentRoute.phonesOnly("alice", "1001"), 1_000,
                null, new AgentRing.Owner() {
                    @Override
                    public void answered(AgentRing ring) {
                        heard.add("answered");
                    }

                    @Override
                    public void ringFailed(AgentRing ring, RingEnd why) {
                        heard.add("failed " + why);
                    }

                    @Override
                    public void hungUp(AgentRing ring, boolean wasBridged) {
                        heard.add("hung up");
                    }

                    @Override
                    public void mediaDead(RtpLeg leg) {
                        heard.add("media dead");
                    }

                    @Override
                    public void key(AgentRing ring, char key) {
                        heard.add("key");
                    }

                    @Override
                    public void lost(String why, SipReason reason) {
                        heard.add("lost");
                    }
                });
    }

    @Test
    void agentRingRingsIsAnsweredBridgedAndEnds() {
        List<String> heard = new ArrayList<>();
        AgentRing ring = ring(heard);
        assertIllegalThrow(AgentRing.State.class, ring::state, ring::state);
        ring.state(AgentRing.State.RINGING_PHONES, "phones");
        assertIllegalThrow(AgentRing.State.class, ring::state, ring::state);
        ring.state(AgentRing.State.ANSWERED, "test");
        assertIllegalThrow(AgentRing.State.class, ring::state, ring::state);
        ring.bridged();
        assertIllegalThrow(AgentRing.State.class, ring::state, ring::state);
        ring.cancel("test");
        assertEquals(AgentRing.State.ENDED, ring.state());
        assertIllegalThrow(AgentRing.State.class, ring::state, ring::state);
        ring.cancel("again");
        assertEquals(List.of(), heard, "the owner hears only what the legs report");
    }

    @Test
    void agentRingCancelledWhileOpeningEnds() {
        AgentRing ring = ring(new ArrayList<>());
        ring.cancel("caller gone");
        assertEquals(AgentRing.State.ENDED, ring.state());
    }

    @Test
    void aRingCannotBeBridgedBeforeAnAnswer() {
        AgentRing ring = ring(new ArrayList<>());
        ring.state(AgentRing.State.RINGING_PHONES, "phones");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, ring::bridged);
        assertEquals(AgentRing.State.RINGING_PHONES, ring.state());
    }
}
