package gateway.call;

import acd.command.AcdCommands;
import gateway.leg.LegRegistry;
import gateway.rtp.RtpEngine;
import gateway.sdp.SdpNegotiator;
import gateway.sip.registrar.AgentLocator;
import java.time.Clock;

/**
 * What a call and its legs use, built once by {@link B2bua} when the SIP stack is up and handed
 * to every call: legs and activities take what they need from here, never from the B2BUA.
 *
 * @param legs  where outgoing legs register their Call-IDs
 * @param clock wall time for file dates and the released Call-ID map; the only time source besides
 *              the loop's scheduler
 */
public record CallServices(SipOutbound sip, RtpEngine rtp, SdpNegotiator negotiator, CallDirectory directory,
                           CallMedia media, AcdCommands acd, AgentLocator locator, LegRegistry legs, Clock clock) {
}
