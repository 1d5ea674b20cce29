package gateway.rtp;

import io.netty.buffer.ByteBuf;
import ivr.audio.Codec;
import ivr.audio.G711;

/** PCMU <-> PCMA in place, one table lookup per byte: G.711 samples never go through linear PCM. */
final class Transcoding {
    private Transcoding() {
    }

    static void convert(ByteBuf buf, int offset, int length, Codec from) {
        int end = offset + length;
        if (from == Codec.PCMU) {
            for (int i = offset; i < end; i++) {
                buf.setByte(i, G711.ulawToAlaw(buf.getByte(i)));
            }
        } else {
            for (int i = offset; i < end; i++) {
                buf.setByte(i, G711.alawToUlaw(buf.getByte(i)));
            }
        }
    }
}
