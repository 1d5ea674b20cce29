package gateway.call;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import ivr.dtmf.DigitListener;
import ivr.dtmf.TelephoneEventDecoder;

/** The caller's RFC 4733 keys: one decoder for the telephone-event payload type the caller sends. */
final class CallerKeys {
    private final DigitListener onKey;
    private TelephoneEventDecoder decoder;

    CallerKeys(DigitListener onKey) {
        this.onKey = onKey;
    }

    /** A telephone-event packet; payload types outside the dynamic range are not ours to read. */
    void packet(int payloadType, long rtpTimestamp, ByteBuf payload) {
        if (payloadType < 96 || payloadType > 127) {
            return;
        }
        if (decoder == null || decoder.payloadType() != payloadType) {
            decoder = new TelephoneEventDecoder(payloadType, onKey);
        }
        byte[] bytes = ByteBufUtil.getBytes(payload);
        decoder.onPacket((int) rtpTimestamp, bytes, 0, bytes.length);
    }
}
