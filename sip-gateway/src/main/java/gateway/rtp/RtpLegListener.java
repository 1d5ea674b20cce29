package gateway.rtp;

/** What a leg reports to the call that owns it; called on the leg's event loop. */
public interface RtpLegListener {

    /** A telephone-event packet arrived (it is also relayed when the leg is bridged). */
    default void onTelephoneEvent(RtpLeg leg, TelephoneEvent event) {
    }

    /** A bridged leg received no RTP for the inactivity timeout: the peer is gone. Reported once. */
    default void onInactive(RtpLeg leg) {
    }
}
