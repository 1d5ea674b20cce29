package ivr.dtmf;

/** How a key press reached us from one party: each way in is also a way out, see the README's DTMF matrix. */
public enum KeySignal {
    /** RTP telephone-event packets, on a leg that negotiated telephone-event. */
    RFC4733,
    /** A SIP INFO request in the leg's dialog ({@code application/dtmf-relay} or {@code application/dtmf}). */
    SIP_INFO,
    /** The dual tone itself in the audio, heard on a leg that negotiated no telephone-event. */
    INBAND
}
