package gateway.sdp;

import gateway.srtp.Sdes;
import ivr.audio.Codec;
import java.net.InetSocketAddress;

/**
 * What offer/answer agreed for one call leg's audio, in the terms the RTP engine needs.
 *
 * @param remote where the peer wants our RTP, or null while it is on hold with {@code c=0.0.0.0}
 * @param codec the audio codec both sides use
 * @param sendEventPt the telephone-event payload type the peer expects from us, or -1 when it has none
 * @param receiveEventPt the telephone-event payload type we declared for receiving, or -1
 * @param ptimeMs the packetization time the peer asked for (20 when it did not say)
 * @param remoteDirection the direction the peer declared, from its side
 * @param sdes the SRTP keys agreed (RFC 4568), or null for plain RTP
 */
public record MediaParameters(InetSocketAddress remote, Codec codec, int sendEventPt, int receiveEventPt,
                              int ptimeMs, Direction remoteDirection, Sdes sdes) {

    public MediaParameters(InetSocketAddress remote, Codec codec, int sendEventPt, int receiveEventPt, int ptimeMs,
                           Direction remoteDirection) {
        this(remote, codec, sendEventPt, receiveEventPt, ptimeMs, remoteDirection, null);
    }

    /** Whether we may send audio to the peer now: it has an address and is willing to receive. */
    public boolean peerReceives() {
        return remote != null && remoteDirection.receives();
    }

    /**
     * Whether media flows both ways. Only then is silence a sign of a dead peer: on hold, in
     * either direction, many phones send nothing at all.
     */
    public boolean flowing() {
        return remote != null && remoteDirection == Direction.SENDRECV;
    }

    /** Whether the peer takes and sends RFC 4733 keys; without, keys go by SIP INFO or in-band. */
    public boolean hasTelephoneEvent() {
        return sendEventPt >= 0;
    }

    public boolean onHold() {
        return !peerReceives();
    }
}
