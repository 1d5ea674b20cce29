package gateway.call;

import acd.call.CallOutcome;
import acd.call.CancelReason;
import acd.call.RingEnd;
import acd.command.AcdCommands;
import acd.port.CallControl;
import gateway.net.CallLoops;
import gateway.rtp.RtpEngine;
import gateway.sdp.SdpNegotiator;
import gateway.sip.AdmittedInvite;
import gateway.sip.Caller;
import gateway.sip.InviteHandler;
import gateway.sip.SipIds;
import gateway.sip.registrar.AgentLocator;
import ivr.menu.Destination;
import io.netty.channel.EventLoop;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-to-back user agent: answers callers, rings agents, bridges them, and keeps each
 * call's two sides in step. It is the SIP stack's {@link InviteHandler} and the routing core's
 * {@link CallControl}: SIP events arrive on the call's event loop (agent legs are mapped to
 * their caller's loop, see {@link #executorFor}), and core requests are handed to that loop.
 */
public final class B2bua implements InviteHandler, CallControl {
    private static final Logger log = LoggerFactory.getLogger(B2bua.class);

    private final CallLoops loops;
    private final RtpEngine rtp;
    private final AcdCommands acd;
    private final CallDirectory directory;
    private final AgentLocator locator;
    private final FeatureCodes features;
    private final CallMedia media;
    private final SdpNegotiator negotiator = SdpNegotiator.defaults();
    private final Map<String, CallSession> sessions = new ConcurrentHashMap<>();
    /** Agent-leg Call-ID -> its fork; the fork's caller decides the loop. */
    private final Map<String, AgentRing.Fork> forks = new ConcurrentHashMap<>();
    /**
     * Agent-leg Call-IDs we let go of, with when: a 2xx arriving for one of them is an answer that
     * crossed our CANCEL and gets hung up. A 2xx for any other Call-ID is not ours and is ignored,
     * so nobody can make us send requests to an address of their choosing.
     */
    private final Map<String, Long> released = new ConcurrentHashMap<>();
    private static final long RELEASED_KEEP_MS = 64_000;
    private volatile SipOutbound sip;

    public B2bua(CallLoops loops, RtpEngine rtp, AcdCommands acd, CallDirectory directory, AgentLocator locator,
                 FeatureCodes features, CallMedia media) {
        this.loops = loops;
        this.rtp = rtp;
        this.acd = acd;
        this.directory = directory;
        this.locator = locator;
        this.features = features;
        this.media = media;
    }

    /** Connects to the started SIP stack; INVITEs that come before are left unanswered. */
    public void attach(SipOutbound outbound) {
        this.sip = outbound;
    }

    /** The executor that owns a Call-ID's events: an agent leg runs on its caller's loop. */
    public Executor executorFor(String callId) {
        AgentRing.Fork fork = forks.get(callId);
        return loops.loopFor(fork != null ? fork.ring.callIdOfCaller() : callId);
    }

    /** Calls in progress. */
    public int activeCalls() {
        return sessions.size();
    }

    // ---------------------------------------------------------------- services for sessions

    SipOutbound sip() {
        return sip;
    }

    RtpEngine rtp() {
        return rtp;
    }

    SdpNegotiator negotiator() {
        return negotiator;
    }

    CallMedia media() {
        return media;
    }

    AgentLocator locator() {
        return locator;
    }

    CallDirectory directory() {
        return directory;
    }

    String advertisedHost() {
        return sip.advertisedHost();
    }

    String domain() {
        return directory.domain();
    }

    void own(AgentRing.Fork fork) {
        forks.put(fork.callId, fork);
    }

    void disown(AgentRing.Fork fork) {
        if (forks.remove(fork.callId, fork)) {
            long now = System.currentTimeMillis();
            released.put(fork.callId, now);
            if (released.size() > 4096) {
                released.values().removeIf(at -> now - at > RELEASED_KEEP_MS);
            }
        }
    }

    void ended(CallSession session) {
        sessions.remove(session.callId(), session);
    }

    AcdCommands acd() {
        return acd;
    }

    void enqueue(String callId, String queueId) {
        acd.enqueue(callId, queueId, 0);
    }

    void answered(String callId, String agentId) {
        acd.answered(callId, agentId);
    }

    void ringFailed(String callId, String agentId, RingEnd why) {
        acd.ringFailed(callId, agentId, why);
    }

    void hangupInCore(String callId) {
        acd.hangup(callId);
    }

    // ---------------------------------------------------------------- SIP in (on the call's loop)

    @Override
    public void onInvite(AdmittedInvite invite) {
        SipOutbound out = sip;
        if (out == null) {
            return;
        }
        if (invite.caller().kind() == Caller.Kind.AGENT && features.handles(invite.dialed())) {
            features.run(invite, invite.caller().id(), out);
            return;
        }
        Optional<Destination> entry = directory.entryFor(invite.dialed());
        if (entry.isEmpty()) {
            log.info("INVITE for {} from {}: no such number", invite.dialed(), invite.source().address());
            out.reply(invite.transaction(), invite.request(), Response.NOT_FOUND);
            return;
        }
        String callId = callIdOf(invite.request());
        CallSession session = new CallSession(this, loops.loopFor(callId), invite);
        if (sessions.putIfAbsent(callId, session) != null) {
            out.reply(invite.transaction(), invite.request(), Response.LOOP_DETECTED);
            return;
        }
        session.start(entry.get());
    }

    @Override
    public void onCancelled(ServerTransaction invite) {
        CallSession s = sessions.get(callIdOf(invite.getRequest()));
        if (s != null) {
            s.callerCancelled();
        }
    }

    @Override
    public boolean onInDialogRequest(RequestEvent event, ServerTransaction st) {
        Request request = event.getRequest();
        String callId = callIdOf(request);
        String method = request.getMethod();
        CallSession s = sessions.get(callId);
        if (s != null) {
            switch (method) {
                case Request.ACK -> s.callerAck(request);
                case Request.BYE -> s.callerBye(st, request);
                case Request.INVITE -> s.callerReinvite(st, request);
                case Request.INFO -> s.callerInfo(st, request);
                default -> sip.reply(st, request, Response.NOT_IMPLEMENTED);
            }
            return true;
        }
        AgentRing.Fork fork = forks.get(callId);
        if (fork != null) {
            switch (method) {
                case Request.ACK -> { }
                case Request.BYE -> {
                    sip.reply(st, request, Response.OK);
                    fork.ring.onBye(fork);
                }
                case Request.INVITE -> fork.ring.agentReinvite(st, request);
                case Request.INFO -> sip.reply(st, request, Response.OK);
                default -> sip.reply(st, request, Response.NOT_IMPLEMENTED);
            }
            return true;
        }
        return features.onInDialogRequest(event, st, sip);
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        AgentRing.Fork fork = forks.get(callIdOf(response));
        CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        boolean toInvite = cseq != null && Request.INVITE.equals(cseq.getMethod());
        if (fork != null && toInvite && (event.getClientTransaction() == null || event.getClientTransaction() == fork.transaction)) {
            fork.ring.onResponse(fork, event);
            return;
        }
        if (toInvite && response.getStatusCode() / 100 == 2 && fork == null && released.containsKey(callIdOf(response))) {
            // a 2xx for an INVITE we no longer want (a late fork): ACK it, then hang it up
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
        AgentRing.Fork fork = forks.get(callIdOf(ct.getRequest()));
        if (fork != null && fork.transaction == ct) {
            fork.ring.onTimeout(fork);
        }
    }

    // ---------------------------------------------------------------- the core's requests (on the ACD thread)

    @Override
    public void ringAgent(String callId, String agentId, long ringTimeoutMs) {
        onSession(callId, s -> s.ringAgent(agentId, ringTimeoutMs),
                () -> ringFailed(callId, agentId, RingEnd.FAILED));
    }

    @Override
    public void cancelRing(String callId, String agentId, CancelReason reason) {
        onSession(callId, s -> s.cancelRing(agentId), () -> { });
    }

    @Override
    public void bridge(String callId, String agentId) {
        onSession(callId, s -> s.bridge(agentId), () -> hangupInCore(callId));
    }

    @Override
    public void leaveQueue(String callId, String queueId, CallOutcome outcome) {
        log.debug("call {} leaves queue {} ({})", callId, queueId, outcome);
        onSession(callId, s -> s.leaveQueue(queueId, outcome), () -> { });
    }

    private void onSession(String callId, Consumer<CallSession> work, Runnable gone) {
        EventLoop loop = loops.loopFor(callId);
        loop.execute(() -> {
            CallSession s = sessions.get(callId);
            if (s == null) {
                gone.run();
            } else {
                work.accept(s);
            }
        });
    }

    static String callIdOf(Message m) {
        return SipIds.callId(m);
    }
}
