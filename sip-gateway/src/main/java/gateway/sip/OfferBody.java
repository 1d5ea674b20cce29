package gateway.sip;

import gateway.sdp.ContentTypes;
import gateway.sdp.Multipart;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

/**
 * What a request's body gives the call: no body (a delayed offer, or an ACK without answer), an
 * SDP (plain {@code application/sdp}, or the SDP part of a {@code multipart/mixed} or
 * {@code multipart/alternative} body such as SIP-I's SDP + ISUP), or nothing we can use.
 *
 * @param sdp the SDP octets when {@code kind} is {@link Kind#SDP}, else null
 */
public record OfferBody(Kind kind, byte[] sdp, String why) {
    /** What we take, in an Accept header (RFC 3261 section 21.4.13). */
    public static final String ACCEPT = "application/sdp, multipart/mixed, multipart/alternative";

    public enum Kind {
        /** No body at all. */
        NONE,
        /** An SDP to use. */
        SDP,
        /** A body without an SDP we can find: 415. */
        UNUSABLE
    }

    private static final OfferBody NO_BODY = new OfferBody(Kind.NONE, null, "no body");

    /** The body of {@code message} as an offer or answer. */
    public static OfferBody of(Message message) {
        byte[] raw = message.getRawContent();
        if (raw == null || raw.length == 0) {
            return NO_BODY;
        }
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (type == null) {
            return unusable("a body without Content-Type");
        }
        // the stack parsed the header already: its type, subtype and boundary need no second parse
        return of((type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT),
                type.getParameter("boundary"), raw);
    }

    /** A body of the Content-Type {@code contentType} (the header's value, parameters included). */
    public static OfferBody of(String contentType, byte[] raw) {
        if (raw == null || raw.length == 0) {
            return NO_BODY;
        }
        List<String> fields = ContentTypes.fields(contentType);
        return of(fields.get(0).toLowerCase(Locale.ROOT).replace(" ", ""), ContentTypes.parameter(fields, "boundary"),
                raw);
    }

    /** {@code media} is {@code type/subtype} in lower case; {@code boundary} is null when absent. */
    private static OfferBody of(String media, String boundary, byte[] raw) {
        switch (media) {
            case "application/sdp" -> {
                return new OfferBody(Kind.SDP, raw, "application/sdp");
            }
            case "multipart/mixed", "multipart/alternative" -> {
                if (boundary == null || boundary.isEmpty()) {
                    return unusable(media + " without a boundary");
                }
                Optional<byte[]> sdp = Multipart.sdpPart(boundary, raw);
                return sdp.map(s -> new OfferBody(Kind.SDP, s, media))
                        .orElseGet(() -> unusable(media + " without an application/sdp part"));
            }
            default -> {
                return unusable("a body of type " + media);
            }
        }
    }

    private static OfferBody unusable(String why) {
        return new OfferBody(Kind.UNUSABLE, null, why);
    }
}
