package gateway.rtp;

import ivr.dtmf.KeySignal;

/** Hears each key a leg's peer presses in its RTP, once per press; called on the leg's event loop. */
@FunctionalInterface
public interface KeyListener {
    /** @param how {@link KeySignal#RFC4733} or {@link KeySignal#INBAND} */
    void onKey(RtpLeg leg, char key, KeySignal how);
}
