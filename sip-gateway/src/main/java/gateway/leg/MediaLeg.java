package gateway.leg;

import gateway.rtp.RtpLeg;
import gateway.rtp.RtpLegListener;
import gateway.sdp.Direction;
import gateway.sdp.LocalSession;
import gateway.sdp.Negotiation;
import gateway.sdp.SdpException;
import gateway.sdp.SessionDescription;
import gateway.sdp.SrtpTerms;
import io.netty.channel.EventLoop;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import javax.sip.message.Response;

/**
 * One RTP leg and the SDP session we describe it with. {@link #answering} and {@link #offering}
 * are the one way every SIP leg gets its media: bind the ports on the call's loop, then answer
 * the peer's offer or make ours.
 */
public final class MediaLeg {

    /** How opening a leg for an offer or an answer ended; called on the call's loop. */
    public interface Opened {
        /** {@code sdp}: our answer or our offer. The caller closes the leg if it no longer wants it. */
        void opened(MediaLeg leg, byte[] sdp);

        /** No leg: {@code status} says why in SIP terms (488 for SDP, 503 for no port). */
        void failed(int status, String why);
    }

    private final LegServices services;
    private final RtpLeg rtp;
    private final LocalSession session;
    private final SrtpTerms srtp;
    private byte[] lastSdp;

    private MediaLeg(LegServices services, RtpLeg rtp, SrtpTerms srtp) {
        this.services = services;
        this.rtp = rtp;
        this.srtp = srtp;
        this.session = new LocalSession(services.sip().advertisedHost());
    }

    /** Parses the peer's offer, opens a leg and answers it; the leg's media is set from the answer. */
    public static void answering(LegServices services, EventLoop loop, RtpLegListener listener, byte[] rawOffer,
                                 Opened then) {
        answering(services, loop, listener, rawOffer, SrtpTerms.any(false), then);
    }

    /** {@link #answering(LegServices, EventLoop, RtpLegListener, byte[], Opened)} under {@code srtp}'s terms. */
    public static void answering(LegServices services, EventLoop loop, RtpLegListener listener, byte[] rawOffer,
                                 SrtpTerms srtp, Opened then) {
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(text(rawOffer));
        } catch (SdpException e) {
            then.failed(Response.NOT_ACCEPTABLE_HERE, "unusable SDP offer: " + e.getMessage());
            return;
        }
        open(services, loop, listener, srtp, then, leg -> {
            Negotiation answer;
            try {
                answer = services.negotiator().answer(offer, leg.session, leg.rtp.port(), Direction.SENDRECV, srtp);
            } catch (SdpException e) {
                leg.close();
                then.failed(Response.NOT_ACCEPTABLE_HERE, "no common media: " + e.getMessage());
                return;
            }
            leg.rtp.media(answer.media());
            then.opened(leg, leg.sent(bytes(answer.answer())));
        });
    }

    /** Opens a leg and makes our offer; the media is set when an answer is {@link #accept accepted}. */
    public static void offering(LegServices services, EventLoop loop, RtpLegListener listener, Opened then) {
        offering(services, loop, listener, SrtpTerms.any(false), then);
    }

    /** {@link #offering(LegServices, EventLoop, RtpLegListener, Opened)} under {@code srtp}'s terms. */
    public static void offering(LegServices services, EventLoop loop, RtpLegListener listener, SrtpTerms srtp,
                                Opened then) {
        if (!srtp.usable()) {
            then.failed(Response.NOT_ACCEPTABLE_HERE, "no TLS signalling, which media: srtp needs,");
            return;
        }
        open(services, loop, listener, srtp, then, leg -> then.opened(leg, leg.offer()));
    }

    private static void open(LegServices services, EventLoop loop, RtpLegListener listener, SrtpTerms srtp,
                             Opened then, Consumer<MediaLeg> next) {
        services.rtp().open(loop, listener).addListener(f -> {
            if (f.isSuccess()) {
                next.accept(new MediaLeg(services, (RtpLeg) f.getNow(), srtp));
            } else {
                then.failed(Response.SERVICE_UNAVAILABLE, "no media port: " + f.cause());
            }
        });
    }

    public RtpLeg rtp() {
        return rtp;
    }

    /** Takes the peer's answer to our offer. */
    public void accept(byte[] rawAnswer) throws SdpException {
        rtp.media(services.negotiator().accept(SessionDescription.parse(text(rawAnswer)), srtp));
    }

    /**
     * Answers a new offer from the peer (re-INVITE or UPDATE: hold, unhold, new address) from
     * the same port; the media is set from the answer.
     */
    public byte[] answer(byte[] rawOffer) throws SdpException {
        Negotiation answer = services.negotiator().answer(SessionDescription.parse(text(rawOffer)), session, rtp.port(),
                Direction.SENDRECV, srtp);
        rtp.media(answer.media());
        return sent(bytes(answer.answer()));
    }

    /** A new offer of ours (for an offerless re-INVITE): every codec, sendrecv; its answer goes to {@link #accept}. */
    public byte[] offer() {
        return sent(bytes(services.negotiator().offer(session, rtp.port(), Direction.SENDRECV, srtp)));
    }

    /** The SDP we sent last, as sent: a refresh re-INVITE repeats it with its version unchanged (RFC 4028 section 7.4). */
    public byte[] lastSdp() {
        return lastSdp;
    }

    private byte[] sent(byte[] sdp) {
        lastSdp = sdp;
        return sdp;
    }

    public void close() {
        rtp.close();
    }

    static String text(byte[] raw) {
        return raw == null ? "" : new String(raw, StandardCharsets.US_ASCII);
    }

    private static byte[] bytes(SessionDescription sdp) {
        return sdp.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return rtp.toString();
    }
}
