package gateway.call;

import acd.command.AcdCommands;
import config.build.IvrSpecs;
import gateway.leg.AgentRoute;
import gateway.leg.ConfirmPrompt;
import gateway.leg.LegServices;
import gateway.rtp.RtpEngine;
import gateway.sip.SipOutbound;
import java.time.Clock;
import ops.metrics.GatewayMeters;
import ops.records.CallFacts;

/**
 * What a call uses, built once by {@link B2bua} when the SIP stack is up and handed to every
 * call: its legs' services, the config in force, shared media, the routing core, where the
 * call's facts go for its record, the counters, and wall time.
 * Activities take what they need from here, never from the B2BUA.
 *
 * @param clock wall time for file dates and the released Call-ID map; the only time source besides
 *              the loop's scheduler
 */
public record CallServices(LegServices legs, CallDirectory directory, CallMedia media, AcdCommands acd, CallFacts facts,
                           GatewayMeters meters, Clock clock) {
    public SipOutbound sip() {
        return legs.sip();
    }

    public RtpEngine rtp() {
        return legs.rtp();
    }

    /**
     * How {@code route}'s device confirms a call of {@code queueId} before it is put through, or
     * null when it need not: the agent's {@code forwardConfirm} when set, else the queue's.
     */
    public ConfirmPrompt deviceConfirm(AgentRoute route, String queueId) {
        boolean queueConfirms = directory.ivr().queue(queueId).map(IvrSpecs.QueueMedia::forwardConfirm).orElse(false);
        return route.confirmsDevice(queueConfirms)
                ? new ConfirmPrompt(media.playouts(), directory.ivr().sounds().pressOne()) : null;
    }
}
