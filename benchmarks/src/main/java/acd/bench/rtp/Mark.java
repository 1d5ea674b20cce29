package acd.bench.rtp;

import ivr.audio.Codec;
import java.nio.ByteBuffer;

/**
 * The RTP packets of the load tool: a plain 12-byte header (PCMU) and a 160-byte payload whose
 * first 20 bytes mark it as ours (magic, stream id, sequence, send time in nanos) and whose rest
 * is a tone, so that a recording of the call has sound on both channels. The server rewrites
 * the RTP header of what it relays, so the marks live in the payload, which it passes as is.
 */
final class Mark {
    static final int HEADER = 12;
    static final int PAYLOAD = Codec.FRAME_SAMPLES;
    static final int PACKET = HEADER + PAYLOAD;
    static final int MAGIC = 0x41434442; // "ACDB"
    static final int MARK_BYTES = 20;

    private Mark() {
    }

    /** One 20 ms PCMU frame of a sine tone; 400 Hz and 1000 Hz repeat exactly every frame. */
    static byte[] tone(int hz) {
        byte[] frame = new byte[PAYLOAD];
        for (int i = 0; i < PAYLOAD; i++) {
            double pcm = 8000 * Math.sin(2 * Math.PI * hz * i / Codec.SAMPLE_RATE);
            frame[i] = Codec.PCMU.encode((int) Math.round(pcm));
        }
        return frame;
    }

    /** Writes a whole packet at the buffer's start and leaves it ready to send. */
    static void write(ByteBuffer packet, byte[] tone, int streamId, int seq, long sentNanos) {
        packet.clear();
        packet.put((byte) 0x80).put((byte) Codec.PCMU.payloadType()).putShort((short) seq)
                .putInt(seq * Codec.FRAME_SAMPLES).putInt(0x5000_0000 + streamId);
        packet.putInt(MAGIC).putInt(streamId).putInt(seq).putLong(sentNanos);
        packet.put(tone, MARK_BYTES, PAYLOAD - MARK_BYTES);
        packet.flip();
    }

    /** What a received datagram is, by its first bytes. */
    enum Kind { MARKED, UNMARKED, RTCP, NOT_RTP }

    static Kind kind(ByteBuffer packet) {
        int length = packet.remaining();
        if (length < HEADER || (packet.get(0) & 0xC0) != 0x80) {
            return Kind.NOT_RTP;
        }
        int type = packet.get(1) & 0x7F;
        if (type >= 72 && type <= 76) { // RTCP's 200..204 with the marker bit read off (RFC 5761)
            return Kind.RTCP;
        }
        int at = payloadOffset(packet);
        return at >= 0 && length - at >= MARK_BYTES && packet.getInt(at) == MAGIC ? Kind.MARKED : Kind.UNMARKED;
    }

    /** Where the payload starts, past the CSRCs and any header extension; -1 if it does not fit. */
    static int payloadOffset(ByteBuffer packet) {
        int at = HEADER + 4 * (packet.get(0) & 0x0F);
        if ((packet.get(0) & 0x10) != 0) {
            if (packet.remaining() < at + 4) {
                return -1;
            }
            at += 4 + 4 * (packet.getShort(at + 2) & 0xFFFF);
        }
        return at <= packet.remaining() ? at : -1;
    }

    static int streamId(ByteBuffer packet) {
        return packet.getInt(payloadOffset(packet) + 4);
    }

    static int seq(ByteBuffer packet) {
        return packet.getInt(payloadOffset(packet) + 8);
    }

    static long sentNanos(ByteBuffer packet) {
        return packet.getLong(payloadOffset(packet) + 12);
    }
}
