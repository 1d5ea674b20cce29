package gateway.call;

import acd.call.CallOutcome;
import acd.call.CancelReason;
import acd.call.RingEnd;
import acd.command.AcdCommands;
import acd.port.CallControl;
import config.model.SessionTimers;
import gateway.dialog.SessionTimerRules;
import gateway.leg.CallerLeg;
import gateway.leg.LegRegistry;
import gateway.leg.LegServices;
import gateway.leg.OutgoingLeg;
import gateway.net.Addresses;
import gateway.net.CallLoops;
import gateway.push.PhoneWaker;
import gateway.rtp.RtpEngine;
import gateway.sdp.SdpNegotiator;
import gateway.sip.AdmittedInvite;
import gateway.sip.Caller;
import gateway.sip.InviteHandler;
import gateway.sip.SipIds;
import gateway.sip.SipOutbound;
import gateway.sip.SipReason;
import gateway.sip.registrar.AgentLocator;
import io.netty.channel.EventLoop;
import ivr.menu.Destination;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import ops.http.LiveCall;
import ops.metrics.GatewayMeters;
import ops.records.CallFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-to-back user agent: the SIP stack's {@link InviteHandler} and the routing core's
 * {@link CallControl}. It finds the {@link CallFlow} or {@link OutgoingLeg} an event belongs to
 * and hands the event over on that call's event loop (an outgoing leg runs on its caller's loop,
 * see {@link #executorFor}); the core's requests are handed to the loop the same way. What a call
 * needs it gets from one {@link CallServices}, built here once the SIP stack is up.
 */
public final class B2bua implements InviteHandler, CallControl {
    private static final Logger log = LoggerFactory.getLogger(B2bua.class);
    private static final long RELEASED_KEEP_MS = 64_000;
    private static final int RELEASED_BOUND = 4096;

    private final CallLoops loops;
    private final RtpEngine rtp;
    private final AcdCommands acd;
    private final CallDirectory directory;
    private final AgentLocator locator;
    private final FeatureCodes features;
    private final CallMedia media;
    private final CallFacts facts;
    private final GatewayMeters meters;
    private final Clock clock;
    private final Map<String, CallFlow> calls = new ConcurrentHashMap<>();
    /** Outgoing-leg Call-ID -> its leg; the leg's caller decides the loop. */
    private final Map<String, OutgoingLeg> legs = new ConcurrentHashMap<>();
    /**
     * Outgoing-leg Call-IDs we let go of: a 2xx arriving for one of them is an answer that crossed
     * our CANCEL and gets hung up. A 2xx for any other Call-ID is not ours and is ignored, so
     * nobody can make us send requests to an address of their choosing.
     */
    private final ReleasedCallIds released = new ReleasedCallIds(RELEASED_KEEP_MS, RELEASED_BOUND);
    private volatile CallServices services;

    /** @param clock wall time for recordings, voicemail and the released Call-IDs */
    public B2bua(CallLoops loops, RtpEngine rtp, AcdCommands acd, CallDirectory directory, AgentLocator locator,
                 FeatureCodes features, CallMedia media, CallFacts facts, GatewayMeters meters, Clock clock) {
        this.loops = loops;
        this.rtp = rtp;
        this.acd = acd;
        this.directory = directory;
        this.locator = locator;
        this.features = features;
        this.media = media;
        this.facts = facts;
        this.meters = meters;
        this.clock = clock;
    }

    /** Connects to the started SIP stack; INVITEs that come before are left unanswered. */
    public void attach(SipOutbound outbound, SessionTimers sessionTimers, PhoneWaker waker) {
        LegServices legs = new LegServices(outbound, rtp, SdpNegotiator.defaults(), locator, new Registry(), directory.domain(),
                new SessionTimerRules(sessionTimers, outbound.responder().headers()), waker);
        this.services = new CallServices(legs, directory, media, acd, facts, meters, clock);
    }

    /** The executor that owns a Call-ID's events: an outgoing leg runs on its caller's loop. */
    public Executor executorFor(String callId) {
        OutgoingLeg leg = legs.get(callId);
        return loops.loopFor(leg != null ? leg.callerCallId() : callId);
    }

    /** Calls in progress. */
    public int activeCalls() {
        return calls.size();
    }

    /** Outgoing legs (agent phones, devices, transfers) whose INVITE or dialog is alive. */
    public int activeLegs() {
        return legs.size();
    }

    /** Every call in progress as it stands; safe from any thread. */
    public List<LiveCall> liveCalls() {
        return calls.values().stream().map(CallFlow::view).toList();
    }

    public Optional<LiveCall> liveCall(String callId) {
        return Optional.ofNullable(calls.get(callId)).map(CallFlow::view);
    }

    /** Hangs up every call in progress (the server is stopping), each on its own loop. */
    public void hangUpAll(String reason) {
        for (CallFlow call : calls.values()) {
            loops.loopFor(call.callId()).execute(() -> call.hangUp(reason, SipReason.SHUTDOWN));
        }
    }

    /** Hangs up a call in progress (the admin's hang-up); false when there is no such call. */
    public boolean hangUp(String callId) {
        CallFlow call = calls.get(callId);
        if (call == null) {
            return false;
        }
        loops.loopFor(callId).execute(() -> call.hangUp("hung up by an admin", SipReason.ADMIN_HANG_UP));
        return true;
    }

    /** Outgoing legs known by Call-ID: registered while their INVITE or dialog may still be heard from. */
    private final class Registry implements LegRegistry {
        @Override
        public void own(OutgoingLeg leg) {
            legs.put(leg.callId(), leg);
        }

        @Override
        public void disown(OutgoingLeg leg) {
            if (legs.remove(leg.callId(), leg)) {
                released.add(leg.callId(), clock.millis());
            }
        }
    }

    // ---------------------------------------------------------------- SIP in (on the call's loop)

    @Override
    public void onInvite(AdmittedInvite invite) {
        CallServices s = services;
        if (s == null) {
            return;
        }
        if (s.legs().timers().refusedTooShort(s.sip(), invite.transaction(), invite.request(),
                "caller " + Addresses.of(invite.source().address()))) {
            return;
        }
        String callId = callIdOf(invite.request());
        String callerUser = CallerLeg.callerUser(invite.request());
        if (invite.caller().kind() == Caller.Kind.AGENT && features.handles(invite.dialed())) {
            log.info("call {}: {}: feature code", callId, CallLines.invite(invite, callerUser));
            features.run(invite, invite.caller().id(), s, ownCall(invite, callId));
            return;
        }
        Optional<Destination> entry = directory.entryFor(invite.dialed());
        log.info("call {}: {}: {}", callId, CallLines.invite(invite, callerUser),
                entry.map(CallLines::destination).orElse("no such number, 404"));
        if (entry.isEmpty()) {
            s.sip().reply(invite.transaction(), invite.request(), Response.NOT_FOUND);
            return;
        }
        // by Call-ID, so a second INVITE of a call in progress (refused below) changes nothing
        Runnable ownCallEnded = ownCall(invite, callId);
        CallFlow call = new CallFlow(s, loops.loopFor(callId), callId, invite, c -> {
            calls.remove(c.callId(), c);
            ownCallEnded.run();
        });
        if (calls.putIfAbsent(callId, call) != null) {
            s.sip().reply(invite.transaction(), invite.request(), Response.LOOP_DETECTED);
            return;
        }
        s.facts().arrived(callId, s.clock().millis(), invite.dialed(), call.callerUser(), call.caller().callerName(),
                invite.caller().kind() == Caller.Kind.TRUNK ? "trunk:" + invite.caller().id() : "agent:" + invite.caller().id());
        call.start(entry.get());
    }

    /**
     * An agent's own call (an INVITE authenticated as their extension) keeps them from queue calls
     * while it lasts: tells the core it started, and returns what tells it the call ended.
     */
    private Runnable ownCall(AdmittedInvite invite, String callId) {
        if (invite.caller().kind() != Caller.Kind.AGENT) {
            return () -> { };
        }
        String agentId = invite.caller().id();
        acd.ownCall(agentId, callId, true);
        return () -> acd.ownCall(agentId, callId, false);
    }

    @Override
    public void onCancelled(ServerTransaction invite) {
        CallFlow call = calls.get(callIdOf(invite.getRequest()));
        if (call != null) {
            call.caller().onCancelled();
        }
    }

    @Override
    public boolean onInDialogRequest(RequestEvent event, ServerTransaction st) {
        Request request = event.getRequest();
        String callId = callIdOf(request);
        SipOutbound sip = services.sip();
        CallFlow call = calls.get(callId);
        if (call != null) {
            switch (request.getMethod()) {
                case Request.ACK -> call.caller().dialog().onAck(request);
                case Request.BYE -> call.caller().onBye(st, request);
                case Request.INVITE, Request.UPDATE -> call.caller().dialog().onRequest(st, request);
                case Request.INFO -> call.caller().onInfo(st, request);
                default -> sip.reply(st, request, Response.NOT_IMPLEMENTED);
            }
            return true;
        }
        OutgoingLeg leg = legs.get(callId);
        if (leg != null) {
            switch (request.getMethod()) {
                case Request.ACK -> leg.dialog().onAck(request);
                case Request.BYE -> {
                    sip.reply(st, request, Response.OK);
                    leg.onBye();
                }
                case Request.INVITE, Request.UPDATE -> leg.dialog().onRequest(st, request);
                case Request.INFO -> leg.onInfo(st, request);
                default -> sip.reply(st, request, Response.NOT_IMPLEMENTED);
            }
            return true;
        }
        return features.onInDialogRequest(event, st, sip);
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        OutgoingLeg leg = legs.get(callIdOf(response));
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        boolean toInvite = cseq != null && Request.INVITE.equals(cseq.getMethod());
        if (leg != null && toInvite && leg.isInvite(event.getClientTransaction())) {
            leg.onResponse(event);
            return;
        }
        if (leg != null) {
            leg.dialog().onResponse(event);
            return;
        }
        CallFlow call = calls.get(callIdOf(response));
        if (call != null) {
            call.caller().dialog().onResponse(event);
            return;
        }
        if (toInvite && response.getStatusCode() / 100 == 2 && leg == null && released.contains(callIdOf(response))) {
            // a 2xx for an INVITE we no longer want (a late fork): ACK it, then hang it up
            SipOutbound sip = services.sip();
            Dialog d = event.getDialog();
            if (d == null || !sip.ack(d, response) || !sip.bye(d)) {
                sip.ackAndBye(response);
            }
            log.debug("unwanted answer {} hung up", callIdOf(response));
        }
    }

    @Override
    public void onTimeout(TimeoutEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        if (ct == null) {
            return;
        }
        OutgoingLeg leg = legs.get(callIdOf(ct.getRequest()));
        if (leg != null && leg.isInvite(ct)) {
            leg.onTimeout();
        } else if (leg != null) {
            leg.dialog().onTimeout(ct);
        } else {
            CallFlow call = calls.get(callIdOf(ct.getRequest()));
            if (call != null) {
                call.caller().dialog().onTimeout(ct);
            }
        }
    }

    // ---------------------------------------------------------------- the core's requests (on the ACD thread)

    @Override
    public void ringAgent(String callId, String agentId, long ringTimeoutMs) {
        onCall(callId, c -> c.ringAgent(agentId, ringTimeoutMs),
                () -> acd.ringFailed(callId, agentId, RingEnd.FAILED));
    }

    @Override
    public void cancelRing(String callId, String agentId, CancelReason reason) {
        onCall(callId, c -> c.cancelRing(agentId, reason), () -> { });
    }

    @Override
    public void bridge(String callId, String agentId) {
        onCall(callId, c -> c.bridge(agentId), () -> acd.hangup(callId));
    }

    @Override
    public void leaveQueue(String callId, String queueId, CallOutcome outcome) {
        log.debug("call {} leaves queue {} ({})", callId, queueId, outcome);
        onCall(callId, c -> c.leaveQueue(queueId, outcome), () -> { });
    }

    private void onCall(String callId, Consumer<CallFlow> work, Runnable gone) {
        EventLoop loop = loops.loopFor(callId);
        loop.execute(() -> {
            CallFlow call = calls.get(callId);
            if (call == null) {
                gone.run();
            } else {
                work.accept(call);
            }
        });
    }

    static String callIdOf(Message m) {
        return SipIds.callId(m);
    }
}
