package gateway.rtp;

import io.netty.buffer.ByteBuf;
import ivr.audio.Codec;

/**
 * Sees the audio one party sends, for the recorder: set a tap on each leg of a bridge to get
 * both directions. The payload is handed over still G.711-encoded with its codec (decoding is a
 * table lookup, {@code ivr.audio.G711}, best done by the recorder off the event loop). Called on
 * the leg's event loop before the packet is relayed; {@code payload} is a view into the received
 * packet, valid only during the call: copy what you keep, and do not release it.
 */
@FunctionalInterface
public interface RtpTap {
    void onAudio(RtpLeg leg, Codec codec, ByteBuf payload, long rtpTimestamp);
}
