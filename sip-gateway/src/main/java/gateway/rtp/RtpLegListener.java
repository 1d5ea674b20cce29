package gateway.rtp;

import io.netty.buffer.ByteBuf;

/** What a leg reports to the call that owns it; called on the leg's event loop. */
public interface RtpLegListener {

    /**
     * A telephone-event packet arrived (it is also relayed when the leg is bridged), handed over
     * undecoded: the one RFC 4733 parser is {@code ivr.dtmf.TelephoneEventDecoder}. {@code payload}
     * is a view into the received packet, valid only during the call: copy what you keep, and do
     * not release it.
     */
    default void onTelephoneEvent(RtpLeg leg, int payloadType, long rtpTimestamp, ByteBuf payload) {
    }

    /** A bridged leg received no RTP for the inactivity timeout: the peer is gone. Reported once. */
    default void onInactive(RtpLeg leg) {
    }
}
