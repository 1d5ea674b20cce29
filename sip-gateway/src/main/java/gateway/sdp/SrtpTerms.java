package gateway.sdp;

import config.model.MediaSecurity;
import gateway.srtp.CryptoSuite;
import gateway.srtp.Sdes;
import gateway.srtp.SdesKey;
import java.util.ArrayList;
import java.util.List;

/**
 * One leg's terms for SRTP in offer/answer (RFC 4568 SDES): what its agent or trunk accepts
 * ({@code media: rtp | srtp | any}), whether the leg is signalled over TLS (SDES keys travel in
 * the SDP, so SRTP is only agreed where the SDP is not in clear), and the keys we gave it, kept
 * so that a re-offer or re-answer does not restart the streams. Used on the leg's loop only.
 */
public final class SrtpTerms {
    static final String SAVP = "RTP/SAVP";
    static final String CRYPTO = "crypto";

    private final MediaSecurity policy;
    private final boolean secureSignalling;
    private List<SdesKey> offered = List.of();
    private SdesKey answered;
    private SdesKey answeredTo;

    public SrtpTerms(MediaSecurity policy, boolean secureSignalling) {
        this.policy = policy;
        this.secureSignalling = secureSignalling;
    }

    /** Today's terms for a leg nobody configured: plain RTP, SRTP only if over TLS. */
    public static SrtpTerms any(boolean secureSignalling) {
        return new SrtpTerms(MediaSecurity.ANY, secureSignalling);
    }

    public MediaSecurity policy() {
        return policy;
    }

    /** Whether this leg may carry SRTP: not refused by its policy, and signalled over TLS. */
    public boolean srtpAllowed() {
        return policy != MediaSecurity.RTP && secureSignalling;
    }

    /** Whether this leg can carry media at all: an SRTP-only leg needs TLS. */
    public boolean usable() {
        return policy != MediaSecurity.SRTP || secureSignalling;
    }

    /** The profile of our offer: RTP/SAVP when SRTP is a must, else RTP/AVP (with keys, SRTP as best effort). */
    String offerProfile() {
        return policy == MediaSecurity.SRTP ? SAVP : "RTP/AVP";
    }

    /** The {@code a=crypto} lines of our offer: one key per suite, the same in every offer of the leg. */
    List<Attribute> offerKeys() {
        if (!srtpAllowed()) {
            return List.of();
        }
        if (offered.isEmpty()) {
            offered = List.of(SdesKey.random(1, CryptoSuite.AES_CM_128_HMAC_SHA1_80),
                    SdesKey.random(2, CryptoSuite.AES_CM_128_HMAC_SHA1_32));
        }
        List<Attribute> lines = new ArrayList<>();
        for (SdesKey k : offered) {
            lines.add(new Attribute(CRYPTO, k.attributeValue()));
        }
        return lines;
    }

    /**
     * Whether we take an offered stream, and how: its keys when SRTP is agreed, {@link #PLAIN}
     * for plain RTP, null to refuse the stream. Answers a re-offer of the same key with the same key.
     */
    Sdes answer(MediaDescription m) {
        boolean savp = m.proto().contains("SAVP");
        SdesKey theirs = srtpAllowed() ? firstUsable(m) : null;
        if (theirs == null) {
            return savp || policy == MediaSecurity.SRTP ? null : PLAIN;
        }
        // a new key of theirs restarts the streams: ours is new too, so no keystream is used twice
        if (answered == null || !theirs.equals(answeredTo)) {
            answered = theirs.answered();
            answeredTo = theirs;
        }
        return new Sdes(answered, theirs);
    }

    /** The keys the peer's answer agreed to, {@link #PLAIN}, or null when its answer breaks our terms. */
    Sdes accept(MediaDescription m) {
        for (Attribute a : m.attributes()) {
            SdesKey theirs = a.name().equals(CRYPTO) ? SdesKey.parse(a.value()) : null;
            for (SdesKey ours : theirs == null ? List.<SdesKey>of() : offered) {
                if (ours.tag() == theirs.tag() && ours.suite() == theirs.suite()) {
                    return new Sdes(ours, theirs);
                }
            }
        }
        return policy == MediaSecurity.SRTP || m.proto().contains("SAVP") ? null : PLAIN;
    }

    private static SdesKey firstUsable(MediaDescription m) {
        for (Attribute a : m.attributes()) {
            SdesKey k = a.name().equals(CRYPTO) ? SdesKey.parse(a.value()) : null;
            if (k != null) {
                return k;
            }
        }
        return null;
    }

    /** Marks plain RTP agreed, apart from null (refused). */
    static final Sdes PLAIN = new Sdes(null, null);
}
