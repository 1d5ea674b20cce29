package gateway.leg;

import acd.call.RingEnd;
import config.model.Forward;
import gateway.media.LoopScheduler;
import gateway.net.Addresses;
import gateway.push.PhoneWaker;
import gateway.push.PushNotice;
import gateway.rtp.RtpLeg;
import gateway.rtp.RtpLegListener;
import gateway.sdp.SrtpTerms;
import gateway.sip.SipReason;
import gateway.sip.registrar.Binding;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import ivr.dtmf.KeySignal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent being rung for a call: an {@link OutgoingLeg} to each of the agent's registered
 * phones at once and/or one to its personal device through the trunk (by its forward mode), all
 * offering one shared media leg. The first to answer wins; the others are cancelled. A phone that
 * sleeps between calls (RFC 8599) is woken by push and rung once it registers again, while the
 * others already ring. A device whose answer must be confirmed ({@code forwardConfirm}) is asked
 * to press 1 first, and only then is the ring answered for the core. Runs on the call's loop.
 */
public final class AgentRing implements OutgoingLeg.Owner, PhoneWaker.Listener {
    private static final Logger log = LoggerFactory.getLogger(AgentRing.class);

    public enum State implements Transitions<State> {
        /** Opening the shared media leg; no INVITE out yet. */
        OPENING,
        /** The registered phones ring (on-no-answer: for one ring timeout, then the device). */
        RINGING_PHONES,
        /** The personal device rings through the trunk. */
        RINGING_DEVICE,
        /** The device answered and is asked to press 1; for the core it still rings. */
        CONFIRMING,
        /** A leg answered; the core decides whether to bridge it. */
        ANSWERED,
        /** Bridged to the caller. */
        BRIDGED,
        /** Over: cancelled, failed, or hung up. */
        ENDED;

        private Set<State> next;

        static {
            OPENING.next = EnumSet.of(RINGING_PHONES, RINGING_DEVICE, ENDED);
            RINGING_PHONES.next = EnumSet.of(RINGING_DEVICE, ANSWERED, ENDED);
            RINGING_DEVICE.next = EnumSet.of(CONFIRMING, ANSWERED, ENDED);
            CONFIRMING.next = EnumSet.of(ANSWERED, ENDED);
            ANSWERED.next = EnumSet.of(BRIDGED, ENDED);
            BRIDGED.next = EnumSet.of(ENDED);
            ENDED.next = EnumSet.noneOf(State.class);
        }

        @Override
        public boolean canGo(State to) {
            return next.contains(to);
        }

        public boolean ringing() {
            return this == OPENING || this == RINGING_PHONES || this == RINGING_DEVICE;
        }
    }

    /** The call the agent is rung for. */
    public interface Owner {
        void answered(AgentRing ring);

        void ringFailed(AgentRing ring, RingEnd why);

        /** The agent hung up the answered leg; {@code wasBridged} tells whether the bridge had begun. */
        void hungUp(AgentRing ring, boolean wasBridged);

        /** A bridged media leg's peer went silent for the inactivity timeout. */
        void mediaDead(RtpLeg leg);

        /** The answered phone sent a key by SIP INFO (its RTP keys are the media leg's). */
        void key(AgentRing ring, char key);

        /** The answered leg's dialog cannot go on (see {@link OutgoingLeg.Owner#lost}). */
        void lost(String why, SipReason reason);
    }

    private final LegServices services;
    private final EventLoop loop;
    private final String callId;
    private final AgentRoute route;
    private final long ringTimeoutMs;
    private final Owner owner;
    private final ConfirmPrompt confirm; // null: the device is put through as it answers
    private DeviceConfirmation confirmation;
    private final StateMachine<State> machine;
    private final RingLegs legs;
    private final PhoneWakes wakes;
    private OutgoingLeg answered;
    /** The Reason (RFC 3326) on the CANCEL or BYE of every leg when the ring ends; null for none. */
    private SipReason endReason;
    private ScheduledFuture<?> deviceTimer;
    private List<Binding> phones = List.of();

    /**
     * @param callId     the caller's Call-ID
     * @param callerUser the caller's number, shown on the agent's phone
     * @param queue      the queue the call waits in (told to the push gateway), or null
     * @param confirm    how the device confirms its answer, or null when it need not
     */
    public AgentRing(LegServices services, EventLoop loop, String callId, String callerUser, String queue,
                     AgentRoute route, long ringTimeoutMs, ConfirmPrompt confirm, Owner owner) {
        this.services = services;
        this.loop = loop;
        this.callId = callId;
        this.route = route;
        this.ringTimeoutMs = ringTimeoutMs;
        this.owner = owner;
        this.legs = new RingLegs(services, callId, callerUser, new LoopScheduler(loop), this);
        this.wakes = new PhoneWakes(services.waker(), loop, new PushNotice(callId, callerUser, queue, route.agentId()));
        this.confirm = confirm;
        this.machine = new StateMachine<>(log, "call " + callId + " ring " + route.agentId(), State.OPENING,
                new StateMachine.Actions<>() {
                    @Override
                    public void exit(State from, State to) {
                        leave(from);
                    }

                    @Override
                    public void entry(State to, State from) {
                        enter(to);
                    }
                });
    }

    public String agentId() {
        return route.agentId();
    }

    public State state() {
        return machine.state();
    }

    /** Goes to {@code next}; an illegal transition throws {@link IllegalStateException}. */
    void state(State next, String reason) {
        machine.go(next, reason);
    }

    /** The shared media leg, once open. */
    public RtpLeg rtp() {
        return legs.rtp();
    }

    private void leave(State from) {
        if (from == State.RINGING_PHONES && deviceTimer != null) {
            deviceTimer.cancel(false);
            deviceTimer = null;
        }
        if (from == State.RINGING_PHONES) {
            wakes.cancelAll();
        }
        if (from == State.RINGING_PHONES || from == State.RINGING_DEVICE) {
            stopOthers();
        }
        if (from == State.CONFIRMING) {
            confirmation.stop();
        }
    }

    private void enter(State to) {
        switch (to) {
            case RINGING_PHONES -> ringPhones();
            case RINGING_DEVICE -> ringDevice();
            case CONFIRMING -> confirmation = new DeviceConfirmation(callId, legs.rtp(), confirm,
                    () -> answer("device confirmed"), this::unconfirmed);
            case ENDED -> legs.close(endReason);
            default -> { }
        }
    }

    /** Opens the shared media leg, then rings. */
    public void start() {
        SrtpTerms srtp = LegSecurity.ringing(route, services.locator().contactsOf(agentId()));
        MediaLeg.offering(services, loop, new RtpLegListener() {
            @Override
            public void onInactive(RtpLeg l) {
                owner.mediaDead(l);
            }
        }, srtp, new MediaLeg.Opened() {
            @Override
            public void opened(MediaLeg leg, byte[] sdp) {
                legs.offering(leg, sdp);
                if (state() != State.OPENING) {
                    leg.close();
                    return;
                }
                firstRing();
            }

            @Override
            public void failed(int status, String why) {
                log.warn("call {}: {} to ring agent {}", callId, why, agentId());
                fail(status);
            }
        });
    }

    private void firstRing() {
        phones = LegSecurity.ringable(route, services.locator().contactsOf(agentId()));
        boolean device = route.deviceFirst(phones.isEmpty());
        if (!device && phones.isEmpty()) {
            fail(Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        state(device ? State.RINGING_DEVICE : State.RINGING_PHONES, device ? "forward " + route.forward() : "phones");
        giveUpIfNoLegLeft();
    }

    private void ringPhones() {
        log.info("call {}: ringing agent {} on {}", callId, agentId(),
                phones.stream().map(b -> Addresses.of(b.source()) + " " + b.transport()
                        + (wakes.sleeps(b) ? " (asleep: woken by push first)" : "")).collect(Collectors.joining(", ")));
        for (Binding b : phones) {
            if (wakes.sleeps(b)) {
                wakes.wake(b, this);
            } else {
                legs.phone(b, route.extension());
            }
        }
        if (route.forward() == Forward.ON_NO_ANSWER) {
            deviceTimer = loop.schedule(this::phonesUnanswered, ringTimeoutMs, TimeUnit.MILLISECONDS);
        }
    }

    private void ringDevice() {
        log.info("call {}: ringing agent {}'s device via trunk {}", callId, agentId(), route.trunk().id());
        legs.device(route);
    }

    @Override
    public void woken(Binding fresh) {
        if (state() == State.RINGING_PHONES) {
            log.info("call {}: agent {}'s phone woke and registered from {}: ringing it", callId, agentId(),
                    Addresses.of(fresh.source()));
            legs.phone(fresh, route.extension());
            giveUpIfNoLegLeft();
        }
    }

    /** A phone that cannot be woken is one that did not answer: the others ring on, or the ring fails with 480. */
    @Override
    public void failed(String why) {
        log.info("call {}: agent {}'s phone cannot be woken: {}", callId, agentId(), why);
        finished(null, Response.TEMPORARILY_UNAVAILABLE);
    }

    private void giveUpIfNoLegLeft() {
        if (state().ringing() && !wakes.waiting() && legs.allOver()) {
            fail(legs.failure());
        }
    }

    /** on-no-answer: the phones rang a full ring timeout (or all said no); the device gets the next one. */
    private void phonesUnanswered() {
        if (state() == State.RINGING_PHONES) {
            state(State.RINGING_DEVICE, "phones unanswered");
            giveUpIfNoLegLeft();
        }
    }

    @Override
    public void answered(OutgoingLeg leg) {
        answered = leg;
        if (confirm != null && leg.kind() == OutgoingLeg.Kind.DEVICE) {
            state(State.CONFIRMING, "device answered");
        } else {
            answer(leg.kind() + " answered");
        }
    }

    private void answer(String reason) {
        state(State.ANSWERED, reason);
        owner.answered(this);
    }

    /** The device answered but nobody took the call: a no-answer for the core, which rings the next agent. */
    private void unconfirmed(String why) {
        if (state() == State.CONFIRMING) {
            log.info("call {}: ring of agent {} ended: the device did not confirm ({})", callId, agentId(), why);
            state(State.ENDED, "not confirmed");
            owner.ringFailed(this, RingEnd.UNCONFIRMED);
        }
    }

    @Override
    public void finished(OutgoingLeg leg, int status) {
        legs.failed(status);
        if (state() == State.RINGING_PHONES && route.forward() == Forward.ON_NO_ANSWER && !wakes.waiting()
                && legs.allOver()) {
            // every phone said no: go to the device now rather than after the timeout
            phonesUnanswered();
            return;
        }
        giveUpIfNoLegLeft();
    }

    @Override
    public void hungUp(OutgoingLeg leg) {
        if (leg == answered && state() == State.CONFIRMING) {
            unconfirmed("the device hung up");
        } else if (leg == answered) {
            boolean wasBridged = state() == State.BRIDGED;
            state(State.ENDED, "agent hung up");
            owner.hungUp(this, wasBridged);
        }
    }

    @Override
    public void key(OutgoingLeg leg, char key) {
        if (leg == answered && state() == State.CONFIRMING) {
            confirmation.key(key, KeySignal.SIP_INFO);
        } else if (leg == answered) {
            owner.key(this, key);
        }
    }

    /** Sends {@code key} to the answered phone by SIP INFO; false when no leg is answered. */
    public boolean sendInfo(char key, int durationMs) {
        return answered != null && answered.sendInfo(key, durationMs);
    }

    @Override
    public void lost(OutgoingLeg leg, String why, SipReason reason) {
        if (leg == answered && state() == State.CONFIRMING) {
            unconfirmed(why); // the caller is still in the queue: only this ring is lost
        } else if (leg == answered) {
            owner.lost(why, reason);
        } else {
            leg.hangUp(why, reason);
        }
    }

    public void bridged() {
        state(State.BRIDGED, "bridged");
    }

    /** The ring is no longer wanted (timeout, another answered, caller gone, call over): cancel or hang up. */
    public void cancel(String reason) {
        cancel(reason, null);
    }

    /**
     * {@link #cancel(String)} with a Reason header on each leg's CANCEL or BYE: say
     * {@link SipReason#ANSWERED_ELSEWHERE} when another agent took the call.
     */
    public void cancel(String reason, SipReason sipReason) {
        if (state() != State.ENDED) {
            if (state() != State.BRIDGED) { // a bridged call's end has a line of its own
                log.info("call {}: ring of agent {} ended: {}", callId, agentId(), reason);
            }
            endReason = sipReason;
            state(State.ENDED, reason);
        }
    }

    private void fail(int status) {
        if (state().ringing()) {
            log.info("call {}: ring of agent {} ended: {}", callId, agentId(), RingFailure.describe(status));
            state(State.ENDED, "failed with " + status);
            owner.ringFailed(this, RingFailure.classify(status));
        }
    }

    /**
     * Cancels every leg still ringing but the one that answered: with "Call completed elsewhere"
     * when one answered, else with the ring's end reason (none when the ring moved on to the
     * device: the phones missed the call).
     */
    private void stopOthers() {
        legs.hangUpAllBut(answered, "another leg answered or the ring moved on",
                answered == null ? endReason : SipReason.ANSWERED_ELSEWHERE);
    }

    @Override
    public String toString() {
        return machine.toString();
    }
}
