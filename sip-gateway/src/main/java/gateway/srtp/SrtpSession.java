package gateway.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A leg's SRTP in the relay: decrypts what the peer sends, in the received buffer, and encrypts
 * what we send to it, in the buffer that goes out. One copy in and out of the thread's scratch
 * array per packet (the JDK's AES and SHA-1 take arrays), no allocation. Used on the leg's loop only.
 */
public final class SrtpSession {
    /** The longest tag of our suites: leave this much room after an RTP packet we will protect. */
    public static final int MAX_TAG = 10;
    private static final int MAX_PACKET = SrtpScratch.MAX_BYTES;

    private final SrtpStream in;
    private final SrtpStream out;

    SrtpSession(SrtpStream in, SrtpStream out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Authenticates and decrypts the SRTP packet between the reader and writer index, which then
     * hold the RTP packet (the tag gone).
     *
     * @param headerLength the RTP header's length with CSRCs and extension, or -1 when it does not fit
     * @return false for a packet to drop: forged, damaged, replayed or too short
     */
    public boolean unprotect(ByteBuf p, int headerLength) {
        int length = p.readableBytes();
        if (headerLength < 0 || length > MAX_PACKET) {
            return false;
        }
        int r = p.readerIndex();
        byte[] scratch = SrtpScratch.current().packet;
        p.getBytes(r, scratch, 0, length);
        int plain = in.unprotect(scratch, 0, length, headerLength);
        if (plain < 0) {
            return false;
        }
        p.setBytes(r + headerLength, scratch, headerLength, plain - headerLength);
        p.writerIndex(r + plain);
        return true;
    }

    /**
     * Encrypts the RTP packet between the reader and writer index and appends its tag: in place
     * when the buffer has room, else (a received datagram is a slice of the read buffer, with no
     * room after it) into a buffer from the channel's pool, releasing {@code p}.
     *
     * @return the SRTP packet to send
     */
    public ByteBuf protect(ByteBuf p, int headerLength, ByteBufAllocator alloc) {
        int length = p.readableBytes();
        if (length + MAX_TAG > MAX_PACKET) {
            throw new IllegalArgumentException(length + " bytes of RTP is too long for SRTP here");
        }
        int r = p.readerIndex();
        byte[] scratch = SrtpScratch.current().packet;
        p.getBytes(r, scratch, 0, length);
        int sealed = out.protect(scratch, 0, length, headerLength);
        if (p.maxWritableBytes() >= sealed - length) {
            p.ensureWritable(sealed - length);
            p.setBytes(r + headerLength, scratch, headerLength, sealed - headerLength);
            p.writerIndex(r + sealed);
            return p;
        }
        ByteBuf copy = alloc.directBuffer(sealed);
        copy.writeBytes(scratch, 0, sealed);
        p.release();
        return copy;
    }
}
