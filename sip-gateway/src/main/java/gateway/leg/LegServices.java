package gateway.leg;

import gateway.dialog.SessionTimerRules;
import gateway.rtp.RtpEngine;
import gateway.sdp.SdpNegotiator;
import gateway.sip.SipOutbound;
import gateway.sip.registrar.AgentLocator;

/**
 * What a leg needs to signal and carry media, built once when the SIP stack is up: legs take it
 * from here, never from the B2BUA or from a call.
 *
 * @param legs   where outgoing legs register their Call-IDs, so responses and requests find them
 * @param domain the SIP domain in the From/To of the INVITEs we send (changes need a restart)
 * @param timers the session timer rules every dialog follows
 */
public record LegServices(SipOutbound sip, RtpEngine rtp, SdpNegotiator negotiator, AgentLocator locator,
                          LegRegistry legs, String domain, SessionTimerRules timers) {
}
