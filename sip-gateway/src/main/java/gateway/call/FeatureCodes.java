package gateway.call;

import gateway.leg.MediaLeg;
import gateway.media.LoopPlayouts;
import gateway.net.CallLoops;
import gateway.rtp.RtpLegListener;
import gateway.sip.AdmittedInvite;
import gateway.sip.SipIds;
import gateway.sip.SipOutbound;
import io.netty.channel.EventLoop;
import ivr.audio.Prompt;
import ivr.audio.ToneGenerator;
import ivr.play.Playout;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feature codes dialled from an agent's own phone: {@code *45} toggles logged in / out,
 * {@code *46} toggles paused. The call is answered, the change made, a short confirmation
 * tone played (rising: now taking calls; falling: now not), and the call hung up.
 */
public final class FeatureCodes {
    private static final Logger log = LoggerFactory.getLogger(FeatureCodes.class);
    public static final String LOGIN_TOGGLE = "*45";
    public static final String PAUSE_TOGGLE = "*46";
    private static final Set<String> CODES = Set.of(LOGIN_TOGGLE, PAUSE_TOGGLE);
    private static final Prompt ON = Prompt.of("feature-on", ToneGenerator.tone(150, 0.3, 600).concat(ToneGenerator.tone(250, 0.3, 900)));
    private static final Prompt OFF = Prompt.of("feature-off", ToneGenerator.tone(150, 0.3, 900).concat(ToneGenerator.tone(250, 0.3, 600)));

    private final CallLoops loops;
    private final LoopPlayouts playouts;
    private final Map<String, FeatureCall> calls = new ConcurrentHashMap<>();

    public FeatureCodes(CallLoops loops, LoopPlayouts playouts) {
        this.loops = loops;
        this.playouts = playouts;
    }

    public boolean handles(String dialed) {
        return CODES.contains(dialed);
    }

    /** Runs on the call's loop; {@code onClosed} runs once when the call is over. */
    void run(AdmittedInvite invite, String agentId, CallServices services, Runnable onClosed) {
        String callId = SipIds.callId(invite.request());
        FeatureCall call = new FeatureCall(callId, loops.loopFor(callId), invite, agentId, services, onClosed);
        calls.put(callId, call);
        call.start();
    }

    boolean onInDialogRequest(RequestEvent event, ServerTransaction st, SipOutbound sip) {
        Request request = event.getRequest();
        FeatureCall call = calls.get(SipIds.callId(request));
        if (call == null) {
            return false;
        }
        if (Request.BYE.equals(request.getMethod())) {
            sip.reply(st, request, Response.OK);
            call.close(false);
        } else if (!Request.ACK.equals(request.getMethod())) {
            sip.reply(st, request, Response.OK);
        }
        return true;
    }

    private final class FeatureCall {
        private final String callId;
        private final EventLoop loop;
        private final AdmittedInvite invite;
        private final String agentId;
        private final CallServices services;
        private final Runnable onClosed;
        private final SipOutbound sip;
        private MediaLeg leg;
        private Dialog dialog;
        private Playout.Channel channel;
        private boolean closed;

        FeatureCall(String callId, EventLoop loop, AdmittedInvite invite, String agentId, CallServices services,
                    Runnable onClosed) {
            this.callId = callId;
            this.loop = loop;
            this.invite = invite;
            this.agentId = agentId;
            this.services = services;
            this.onClosed = onClosed;
            this.sip = services.sip();
        }

        void start() {
            MediaLeg.answering(services.legs(), loop, new RtpLegListener() { }, invite.offer().sdp(),
                    new MediaLeg.Opened() {
                        @Override
                        public void opened(MediaLeg opened, byte[] answer) {
                            leg = opened;
                            sip.answer(invite.transaction(), invite.request(), Response.OK, SipOutbound.newTag(), answer);
                            dialog = invite.transaction().getDialog();
                            toggle();
                        }

                        @Override
                        public void failed(int status, String why) {
                            sip.reply(invite.transaction(), invite.request(), status);
                            close(false);
                        }
                    });
        }

        private void toggle() {
            CompletableFuture<Boolean> on = LOGIN_TOGGLE.equals(invite.dialed())
                    ? services.acd().toggleLogin(agentId)
                    : services.acd().togglePause(agentId, "phone").thenApply(paused -> !paused);
            on.whenComplete((takingCalls, error) -> loop.execute(() -> confirm(error == null && takingCalls)));
        }

        private void confirm(boolean takingCalls) {
            if (closed) {
                return;
            }
            log.info("call {}: agent {} now {}", callId, agentId, takingCalls ? "taking calls" : "not taking calls");
            channel = playouts.channel(leg.rtp());
            channel.play(takingCalls ? ON : OFF, () -> close(true));
        }

        void close(boolean bye) {
            if (closed) {
                return;
            }
            closed = true;
            calls.remove(callId);
            if (channel != null) {
                channel.close();
            }
            if (bye) {
                sip.bye(dialog);
            }
            if (leg != null) {
                leg.close();
            }
            onClosed.run();
        }
    }
}
