package gateway.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Reads and rewrites the fixed RTP header (RFC 3550 section 5.1) in place, relative to the
 * buffer's reader index, so a relayed packet is forwarded in the buffer it arrived in.
 */
final class RtpHeader {
    static final int FIXED_LENGTH = 12;
    static final long TIMESTAMP_MASK = 0xFFFF_FFFFL;

    private RtpHeader() {
    }

    /** Version 2, and the header, CSRCs, extension and padding all fit in the packet. */
    static boolean isValid(ByteBuf p) {
        int length = p.readableBytes();
        if (length < FIXED_LENGTH || (p.getByte(p.readerIndex()) & 0xC0) != 0x80) {
            return false;
        }
        int header = headerLength(p);
        return header >= 0 && header + paddingLength(p) <= length;
    }

    /** The header length including CSRCs and extension, or -1 when the extension overruns the packet. */
    static int headerLength(ByteBuf p) {
        int r = p.readerIndex();
        int b0 = p.getByte(r);
        int length = FIXED_LENGTH + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (p.readableBytes() < length + 4) {
                return -1;
            }
            length += 4 + 4 * p.getUnsignedShort(r + length + 2);
        }
        return length;
    }

    static int paddingLength(ByteBuf p) {
        if ((p.getByte(p.readerIndex()) & 0x20) == 0) {
            return 0;
        }
        return p.getUnsignedByte(p.writerIndex() - 1);
    }

    static int payloadType(ByteBuf p) {
        return p.getByte(p.readerIndex() + 1) & 0x7F;
    }

    static int sequence(ByteBuf p) {
        return p.getUnsignedShort(p.readerIndex() + 2);
    }

    static long timestamp(ByteBuf p) {
        return p.getUnsignedInt(p.readerIndex() + 4);
    }

    static int ssrc(ByteBuf p) {
        return p.getInt(p.readerIndex() + 8);
    }

    static void setPayloadType(ByteBuf p, int payloadType) {
        int i = p.readerIndex() + 1;
        p.setByte(i, (p.getByte(i) & 0x80) | payloadType);
    }

    static void setMarker(ByteBuf p) {
        int i = p.readerIndex() + 1;
        p.setByte(i, p.getByte(i) | 0x80);
    }

    static void setStream(ByteBuf p, int sequence, long timestamp, int ssrc) {
        int r = p.readerIndex();
        p.setShort(r + 2, sequence);
        p.setInt(r + 4, (int) timestamp);
        p.setInt(r + 8, ssrc);
    }

    /** Writes a fixed header without CSRCs, extension or padding. */
    static void write(ByteBuf out, int payloadType, boolean marker, int sequence, long timestamp, int ssrc) {
        out.writeByte(0x80);
        out.writeByte((marker ? 0x80 : 0) | payloadType);
        out.writeShort(sequence);
        out.writeInt((int) timestamp);
        out.writeInt(ssrc);
    }
}
