package gateway.call;

import acd.call.CallOutcome;
import acd.call.CancelReason;
import acd.call.RingEnd;
import config.build.IvrSpecs;
import gateway.leg.AgentRing;
import gateway.leg.AgentRoute;
import gateway.leg.CallerLeg;
import gateway.leg.MediaLeg;
import gateway.leg.StateMachine;
import gateway.media.LoopScheduler;
import gateway.rtp.RtpLeg;
import gateway.rtp.RtpLegListener;
import gateway.sip.AdmittedInvite;
import gateway.sip.SipReason;
import gateway.trunk.TrunkRoute;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.EventLoop;
import ivr.audio.Codec;
import ivr.dtmf.KeySignal;
import ivr.menu.Destination;
import ivr.menu.IvrSession;
import ivr.play.Playout;
import java.util.function.Consumer;
import ops.http.LiveCall;
import ops.records.CallFacts.EndCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's call: its {@link CallerLeg}, the {@link AgentRing}s the core asks for, and the
 * flow through {@link CallPhase}s, each with one {@link Activity} (menu, queue wait, voicemail,
 * transfer, bridge). Every phase change goes through {@link #state}: leaving a phase stops its
 * activity, entering starts the next. Runs on the call's event loop; the routing core steers the
 * queue part through {@link B2bua}'s {@code CallControl} and hears back through {@code AcdCommands}.
 */
final class CallFlow implements AgentRing.Owner {
    private static final Logger log = LoggerFactory.getLogger(CallFlow.class);

    private final CallServices services;
    private final EventLoop loop;
    private final String callId;
    private final CallerLeg caller;
    private final Consumer<CallFlow> onEnded;
    private final LoopScheduler scheduler;
    private final StateMachine<CallPhase> machine;
    private final AgentRings rings = new AgentRings();
    private Activity activity = Activity.none(CallPhase.NEW);
    private Activity entering;
    private RtpLeg callerMedia;
    /** The caller's prompts; opened once the caller's media is agreed. */
    private Playout.Channel playout;
    private SipReason endReason; // the Reason (RFC 3326) on our BYEs when we end the call; null for none
    private final LiveView view;
    private final long startedMs;

    /** @param onEnded told once, when the call is over */
    CallFlow(CallServices services, EventLoop loop, String callId, AdmittedInvite invite, Consumer<CallFlow> onEnded) {
        this.services = services;
        this.loop = loop;
        this.callId = callId;
        this.caller = new CallerLeg(services.legs(), loop, callId, invite, CallerSecurity.terms(services.directory(), invite));
        this.onEnded = onEnded;
        this.scheduler = new LoopScheduler(loop);
        this.startedMs = services.clock().millis();
        this.view = new LiveView(callId, caller.callerUser(), invite.dialed(), startedMs);
        this.machine = new StateMachine<>(log, "call " + callId, CallPhase.NEW, new StateMachine.Actions<>() {
            @Override
            public void exit(CallPhase from, CallPhase to) {
                activity.stop(to);
                if (playout != null) {
                    playout.stop();
                }
            }

            @Override
            public void entry(CallPhase to, CallPhase from) {
                activity = entering;
                entering = null;
                activity.start();
            }
        });
    }

    String callId() {
        return callId;
    }

    CallPhase phase() {
        return machine.state();
    }

    CallerLeg caller() {
        return caller;
    }

    String callerUser() {
        return caller.callerUser();
    }

    /** Goes to {@code next}'s phase: the current activity stops, {@code next} starts; illegal moves throw. */
    void state(Activity next, String reason) {
        entering = next;
        machine.go(next.phase(), reason);
        publish();
    }

    /** Publishes this call's view for the admin API: on each phase change and as rings start and stop. */
    private void publish() {
        view.update(phase(), !rings.isEmpty(), activity instanceof QueueWait wait ? wait.queueId() : null,
                activity instanceof BridgeActivity bridge ? bridge.agentId() : null, now());
    }

    /** This call now, for the admin API; safe from any thread. */
    LiveCall view() {
        return view.get();
    }

    // ---------------------------------------------------------------- caller side

    /** Answers the caller and sends the call to the dialled number's entry. */
    void start(Destination entry) {
        caller.answer(new RtpLegListener() {
            @Override
            public void onInactive(RtpLeg l) {
                mediaDead(l);
            }
        }, new CallerLeg.Listener() {
            @Override
            public void answered(MediaLeg media) {
                callerMedia = media.rtp();
                playout = services.media().playouts().channel(callerMedia);
                playout.fill(true); // never a silent line: silence whenever nothing else plays
                callerMedia.tap(CallFlow.this::callerAudio);
                callerMedia.listenForKeys((l, key, how) -> onKey(key, how));
                goTo(entry);
            }

            @Override
            public void gone(String reason) {
                end(false, EndCause.CALLER_HUNG_UP, reason);
            }

            @Override
            public void lost(String why, SipReason reason) {
                CallFlow.this.lost(why, reason);
            }

            @Override
            public void key(char key) {
                onKey(key, KeySignal.SIP_INFO);
            }
        });
    }

    /** Sends the caller on: a menu (the IVR), a queue, voicemail, a transfer, or hang-up. */
    void goTo(Destination next) {
        if (phase() == CallPhase.ENDED) {
            return;
        }
        if (next instanceof Destination.Menu) {
            IvrSession ivr = new IvrSession(services.directory().ivr().menus(), playout, scheduler, this::goTo, menuId -> {
                log.info("call {}: menu {}", callId, menuId);
                services.facts().menu(callId, now(), menuId);
            });
            state(new MenuActivity(ivr, next), "menu");
        } else if (next instanceof Destination.Queue q) {
            state(new QueueWait(services, loop, callId, q.queueId(), playout, scheduler), "queue " + q.queueId());
        } else if (next instanceof Destination.Voicemail v) {
            VoicemailActivity message = VoicemailActivity.leave(services, v.voicemailId(), callId, callerUser(), playout,
                    scheduler, () -> hangUp("voicemail over"));
            services.facts().voicemail(callId, now(), v.voicemailId(), message.file());
            state(message, "voicemail " + v.voicemailId());
        } else if (next instanceof Destination.Transfer t) {
            transfer(t.number());
        } else {
            hangUp("the IVR hangs up");
        }
    }

    private void transfer(String number) {
        TrunkRoute trunk = services.directory().transferTrunk().orElse(null);
        if (trunk == null) {
            log.warn("call {}: transfer to {} needs a trunk, and none is configured; hanging up", callId, number);
            hangUp("no trunk to transfer to");
            return;
        }
        log.info("call {}: transfer to {} via trunk {}", callId, number, trunk.id());
        services.facts().transfer(callId, now(), number);
        state(new TransferActivity(this, services, loop, number, trunk, playout, scheduler), "transfer to " + number);
    }

    /** The transfer's outside number answered: bridge the caller to it. */
    void transferAnswered(TransferActivity transfer) {
        state(new BridgeActivity(services, callId, callerMedia, caller::sendInfo, transfer.peer(), false, false, scheduler,
                BridgeActivity.Hold.of(services, playout, null)), "transfer answered");
    }

    // ---------------------------------------------------------------- keys and audio from the caller

    /** A key from the caller: the menu or the voicemail takes it, a bridge passes it on; a queue ignores it. */
    void onKey(char key, KeySignal how) {
        if (activity instanceof MenuActivity) { // elsewhere keys may be a PIN or a card number for the agent
            log.info("call {}: key {} by {}", callId, key, CallLines.how(how));
        }
        services.facts().key(callId, now(), key);
        activity.onKey(key, how);
    }

    /** A key from the far side of a bridge, whose media leg is {@code from}. */
    void peerKey(RtpLeg from, char key, KeySignal how) {
        if (activity instanceof BridgeActivity bridge) {
            bridge.peerKey(from, key, how);
        }
    }

    private void callerAudio(RtpLeg l, Codec codec, ByteBuf payload, long rtpTimestamp) {
        if (activity.hearsCaller()) {
            activity.callerAudio(codec, ByteBufUtil.getBytes(payload), rtpTimestamp);
        }
    }

    // ---------------------------------------------------------------- from the core

    void ringAgent(String agentId, long ringTimeoutMs) {
        if (!(activity instanceof QueueWait wait)) {
            services.acd().ringFailed(callId, agentId, RingEnd.FAILED);
            return;
        }
        AgentRoute route = services.directory().agent(agentId).orElse(null);
        if (route == null) {
            log.warn("call {}: the core rings agent {} the config does not know", callId, agentId);
            services.acd().ringFailed(callId, agentId, RingEnd.FAILED);
            return;
        }
        rings.start(new AgentRing(services.legs(), loop, callId, callerUser(), wait.queueId(), route, ringTimeoutMs,
                services.deviceConfirm(route, wait.queueId()), this));
        publish();
    }

    void cancelRing(String agentId, CancelReason why) {
        AgentRing ring = rings.remove(agentId);
        if (ring != null) {
            boolean answered = ring.state() == AgentRing.State.ANSWERED;
            ring.cancel(CallLines.cancelled(why),
                    why == CancelReason.ANSWERED_ELSEWHERE ? SipReason.ANSWERED_ELSEWHERE : null);
            publish();
            if (answered && activity instanceof QueueWait wait) {
                // the answer stopped the music, but the core gave the call to no one: still waiting
                wait.resume();
            }
        }
    }

    void bridge(String agentId) {
        AgentRing ring = rings.get(agentId);
        if (ring == null || ring.state() != AgentRing.State.ANSWERED || !(activity instanceof QueueWait wait)) {
            // the agent hung up between answering and the bridge: the call is over
            end(true, EndCause.AGENT_HUNG_UP, "agent gone before the bridge");
            return;
        }
        boolean record = services.directory().ivr().queue(wait.queueId()).map(IvrSpecs.QueueMedia::record).orElse(false);
        ring.bridged();
        log.info("call {}: bridged to agent {}", callId, agentId);
        BridgeActivity.Peer agent = new BridgeActivity.Peer(ring.rtp(), agentId, reason -> ring.cancel(reason, endReason),
                ring::sendInfo);
        state(new BridgeActivity(services, callId, callerMedia, caller::sendInfo, agent, true, record, scheduler,
                BridgeActivity.Hold.of(services, playout, wait.queueId())), "bridged to " + agentId);
    }

    /** The core let the caller go without an agent: on to the queue's fallback (hang-up for an unknown queue). */
    void leaveQueue(String leftQueue, CallOutcome outcome) {
        Destination remembered = Destination.HANGUP;
        if (activity instanceof QueueWait wait) {
            wait.release();
            if (wait.queueId().equals(leftQueue)) {
                remembered = wait.fallback();
            }
        }
        rings.cancelAll("the call leaves its queue");
        // a reload may have removed the queue: then the fallback it had when the caller joined
        Destination next = outcome == CallOutcome.UNKNOWN_QUEUE ? Destination.HANGUP
                : services.directory().ivr().queue(leftQueue).map(IvrSpecs.QueueMedia::fallback).orElse(remembered);
        goTo(next);
    }

    // ---------------------------------------------------------------- from agent rings

    @Override
    public void answered(AgentRing ring) {
        // silence at once, not after the core's round trip: the agent must not hear a prompt
        if (activity instanceof QueueWait wait) {
            wait.silence();
        }
        services.acd().answered(callId, ring.agentId());
    }

    @Override
    public void ringFailed(AgentRing ring, RingEnd why) {
        rings.remove(ring);
        publish();
        services.acd().ringFailed(callId, ring.agentId(), why);
    }

    @Override
    public void hungUp(AgentRing ring, boolean wasBridged) {
        if (wasBridged) {
            end(true, EndCause.AGENT_HUNG_UP, "agent hung up");
        }
        // answered but not bridged yet: bridge() will find the ring over and end the call
    }

    @Override
    public void key(AgentRing ring, char key) {
        peerKey(ring.rtp(), key, KeySignal.SIP_INFO);
    }

    /** A bridged leg's peer stopped sending RTP for the inactivity timeout. */
    @Override
    public void mediaDead(RtpLeg dead) {
        lost("no RTP on the " + (dead == callerMedia ? "caller" : "agent") + " leg for the inactivity timeout",
                SipReason.RTP_TIMEOUT, dead.silentMs());
    }

    /**
     * A leg cannot go on (never answered, no RTP, session timer expired, no usable answer in an ACK):
     * the call ends on every leg, with {@code reason} on the BYEs when set.
     */
    @Override
    public void lost(String why, SipReason reason) {
        lost(why, reason, 0);
    }

    /** @param silentMs for a media timeout: how long the dead leg had been silent */
    private void lost(String why, SipReason reason, long silentMs) {
        if (phase() == CallPhase.ENDED) {
            return;
        }
        endReason = reason;
        end(true, phase() == CallPhase.NEW ? EndCause.FAILED : reason != null ? EndCause.MEDIA_TIMEOUT
                : EndCause.SYSTEM_HUNG_UP, why, silentMs);
    }

    // ---------------------------------------------------------------- ending

    void hangUp(String reason) {
        hangUp(reason, null);
    }

    /** We hang up on the caller (and the bridged agent), with {@code sipReason} on the BYEs when set. */
    void hangUp(String reason, SipReason sipReason) {
        endReason = sipReason;
        end(true, EndCause.SYSTEM_HUNG_UP, reason);
    }

    private long now() {
        return services.clock().millis();
    }

    /**
     * Ends the call once: the activity stopped (bridge and transfer legs hung up, recording
     * finished), BYE or a final error to the caller when {@code byUs}, every ring cancelled, and
     * the core told if it held the call.
     */
    void end(boolean byUs, EndCause cause, String reason) {
        end(byUs, cause, reason, 0);
    }

    /** @param silentMs for a media timeout: how long the dead leg had been silent (the core ends its talk there) */
    private void end(boolean byUs, EndCause cause, String reason, long silentMs) {
        if (phase() == CallPhase.ENDED) {
            return;
        }
        services.facts().ended(callId, now(), cause);
        log.info("call {}: ended {}", callId, CallLines.ended(phase(), now() - startedMs, cause, reason));
        boolean tellCore = activity.heldByCore();
        state(Activity.none(CallPhase.ENDED), reason);
        if (byUs) {
            caller.hangUp(reason, endReason);
        }
        rings.cancelAll("call over");
        if (playout != null) {
            playout.close();
        }
        if (tellCore && cause == EndCause.MEDIA_TIMEOUT) {
            services.acd().mediaTimeout(callId, silentMs);
        } else if (tellCore) {
            services.acd().hangup(callId);
        }
        onEnded.accept(this);
    }

    @Override
    public String toString() {
        return machine.toString();
    }
}
