package gateway.leg;

import gateway.dialog.SessionTimerRules;
import gateway.push.PhoneWaker;
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
 * @param waker  wakes phones that sleep between calls (RFC 8599) before they are rung
 */
public record LegServices(SipOutbound sip, RtpEngine rtp, SdpNegotiator negotiator, AgentLocator locator,
                          LegRegistry legs, String domain, SessionTimerRules timers, PhoneWaker waker) {
    public LegServices {
        waker = waker == null ? PhoneWaker.NONE : waker;
    }

    /** Without push wake-ups: every phone is rung as registered. */
    public LegServices(SipOutbound sip, RtpEngine rtp, SdpNegotiator negotiator, AgentLocator locator,
                       LegRegistry legs, String domain, SessionTimerRules timers) {
        this(sip, rtp, negotiator, locator, legs, domain, timers, PhoneWaker.NONE);
    }
}
