package gateway.rtp;

import gateway.sdp.MediaParameters;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import ivr.audio.Codec;
import ivr.dtmf.InbandDetector;
import ivr.dtmf.KeySignal;
import ivr.dtmf.TelephoneEventDecoder;
import ivr.dtmf.TelephoneEventEncoder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of one leg, made only once someone asks (a leg nobody asks pays one null check per
 * packet). In: the peer's telephone-event packets decoded, and, only while the peer negotiated
 * no telephone-event, the in-band tones found in its audio, both for a {@link KeyListener}. Out:
 * RFC 4733 presses we originate ({@link KeySender}), inserted in the leg's one outbound stream.
 */
final class LegDtmf {
    private static final Logger log = LoggerFactory.getLogger(LegDtmf.class);

    private final RtpLeg leg;
    private final OutboundStream out;
    private final LongSupplier clockMs;
    /** The payload copied out of the packet, a frame at a time: nothing is allocated per packet. */
    private final byte[] scratch = new byte[Codec.FRAME_SAMPLES];
    private KeyListener listener;
    private TelephoneEventDecoder decoder;
    private InbandDetector inband;
    private KeySender sender;

    LegDtmf(RtpLeg leg, OutboundStream out, LongSupplier clockMs) {
        this.leg = leg;
        this.out = out;
        this.clockMs = clockMs;
    }

    void listen(KeyListener keys) {
        listener = keys;
        decoder = null;
        inband = null;
        if (keys != null && leg.media() != null) {
            media(leg.media());
        }
    }

    /** The media agreed (again): the detector runs while the peer has no telephone-event. */
    void media(MediaParameters media) {
        if (listener == null || media.hasTelephoneEvent()) {
            inband = null;
        } else if (inband == null) {
            inband = new InbandDetector(key -> report(key, KeySignal.INBAND));
        }
    }

    void event(int payloadType, long rtpTimestamp, ByteBuf packet, int offset) {
        if (listener == null || payloadType < 96 || payloadType > 127) {
            return; // static payload types are not telephone-event's
        }
        if (decoder == null || decoder.payloadType() != payloadType) {
            decoder = new TelephoneEventDecoder(payloadType, key -> report(key, KeySignal.RFC4733));
        }
        packet.getBytes(offset, scratch, 0, TelephoneEventDecoder.PAYLOAD_BYTES);
        decoder.onPacket((int) rtpTimestamp, scratch, 0, TelephoneEventDecoder.PAYLOAD_BYTES);
    }

    void audio(Codec codec, ByteBuf packet, int offset, int length) {
        if (inband == null) {
            return;
        }
        for (int at = 0; at < length; at += scratch.length) {
            int n = Math.min(scratch.length, length - at);
            packet.getBytes(offset + at, scratch, 0, n);
            inband.onEncoded(codec, scratch, 0, n);
        }
    }

    private void report(char key, KeySignal how) {
        try {
            listener.onKey(leg, key, how);
        } catch (RuntimeException e) {
            log.warn("key listener failed on {}", leg, e);
        }
    }

    boolean press(char key, int durationMs) {
        if (leg.state() != RtpLeg.State.OPEN || leg.media() == null || !leg.media().hasTelephoneEvent()) {
            return false;
        }
        if (sender == null) {
            sender = new KeySender(this, leg.loop());
        }
        sender.press(key, durationMs);
        return true;
    }

    boolean open() {
        return leg.state() == RtpLeg.State.OPEN;
    }

    /** Where the outbound stream's timestamps are now: the start of an event. */
    long eventTimestamp() {
        return out.eventTimestamp(clockMs.getAsLong());
    }

    /** One packet of an event we originate; dropped while the peer cannot take it. */
    void send(TelephoneEventEncoder.Packet event, long eventTimestamp) {
        MediaParameters media = leg.media();
        if (!leg.canSend() || !media.hasTelephoneEvent()) {
            return;
        }
        ByteBuf packet = ByteBufAllocator.DEFAULT.directBuffer(RtpHeader.FIXED_LENGTH + event.payload().length);
        out.event(packet, media.sendEventPt(), event.marker(), eventTimestamp);
        packet.writeBytes(event.payload());
        leg.emit(packet);
    }
}
