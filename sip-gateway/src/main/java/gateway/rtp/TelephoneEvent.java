package gateway.rtp;

import io.netty.buffer.ByteBuf;

/**
 * One RFC 4733 telephone-event packet as received. A key press arrives as several packets with
 * the same {@code timestamp} (the event's start), growing {@code duration}, and usually three
 * copies of the last one with {@code end} set; telling them apart is the IVR's job.
 *
 * @param event 0-9 digits, 10 '*', 11 '#', 12-15 A-D, 16 flash
 * @param duration in timestamp units (1/8000 s)
 */
public record TelephoneEvent(int event, boolean end, int volume, int duration, long timestamp, boolean marker) {
    static final int LENGTH = 4;

    static TelephoneEvent read(ByteBuf packet, int payloadOffset) {
        int flags = packet.getUnsignedByte(payloadOffset + 1);
        return new TelephoneEvent(packet.getUnsignedByte(payloadOffset), (flags & 0x80) != 0, flags & 0x3F,
                packet.getUnsignedShort(payloadOffset + 2), RtpHeader.timestamp(packet),
                (packet.getByte(packet.readerIndex() + 1) & 0x80) != 0);
    }
}
