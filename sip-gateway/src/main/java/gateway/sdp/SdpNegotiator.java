package gateway.sdp;

import gateway.srtp.Sdes;
import ivr.audio.Codec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3264 offer/answer for one audio stream: G.711 (in our order of preference) plus RFC 4733
 * telephone-event. Every other stream in an offer is rejected with port zero.
 */
public final class SdpNegotiator {
    public static final String TELEPHONE_EVENT = "telephone-event";
    /** DTMF digits 0-9, *, #, A-D and flash. */
    public static final String EVENTS = "0-16";
    private static final int DEFAULT_PTIME_MS = 20;
    private static final List<String> PROFILES = List.of("RTP/AVP", "RTP/AVPF", "RTP/SAVP", "RTP/SAVPF");

    private final List<Codec> preference;
    private final int telephoneEventPt;
    private final int ptimeMs;

    public SdpNegotiator(List<Codec> preference, int telephoneEventPt, int ptimeMs) {
        if (preference.isEmpty()) {
            throw new IllegalArgumentException("at least one codec is needed");
        }
        if (telephoneEventPt < 96 || telephoneEventPt > 127) {
            throw new IllegalArgumentException("telephoneEventPt=" + telephoneEventPt + " must be dynamic (96-127)");
        }
        this.preference = List.copyOf(preference);
        this.telephoneEventPt = telephoneEventPt;
        this.ptimeMs = ptimeMs;
    }

    /** PCMU before PCMA, telephone-event as 101, 20 ms packets. */
    public static SdpNegotiator defaults() {
        return new SdpNegotiator(List.of(Codec.PCMU, Codec.PCMA), 101, DEFAULT_PTIME_MS);
    }

    /** Our offer: every codec we take, telephone-event, and {@code direction} (sendonly to hold the peer). */
    public SessionDescription offer(LocalSession session, int port, Direction direction) {
        return offer(session, port, direction, SrtpTerms.any(false));
    }

    /** Our offer under {@code srtp}'s terms: RTP/SAVP or RTP/AVP, with our keys when the leg may carry SRTP. */
    public SessionDescription offer(LocalSession session, int port, Direction direction, SrtpTerms srtp) {
        List<String> formats = new ArrayList<>();
        List<Attribute> attributes = new ArrayList<>();
        for (Codec codec : preference) {
            formats.add(Integer.toString(codec.payloadType()));
            attributes.add(new Attribute("rtpmap", RtpMap.of(codec).value()));
        }
        addTelephoneEvent(formats, attributes, telephoneEventPt);
        attributes.addAll(srtp.offerKeys());
        return session.describe(List.of(audio(port, srtp.offerProfile(), formats, attributes, direction)));
    }

    /**
     * Answers {@code offer}: the first RTP audio stream with a codec we take gets our preferred
     * one among those offered, and telephone-event under the offer's own payload type.
     *
     * @param local the most we are willing to do (sendrecv normally, sendonly to hold the peer)
     */
    public Negotiation answer(SessionDescription offer, LocalSession session, int port, Direction local)
            throws SdpException {
        return answer(offer, session, port, local, SrtpTerms.any(false));
    }

    /** {@link #answer(SessionDescription, LocalSession, int, Direction)} under {@code srtp}'s terms. */
    public Negotiation answer(SessionDescription offer, LocalSession session, int port, Direction local, SrtpTerms srtp)
            throws SdpException {
        List<MediaDescription> answer = new ArrayList<>();
        MediaParameters agreed = null;
        for (MediaDescription m : offer.media()) {
            Codec codec = agreed == null && acceptable(m) ? preferredCodec(m) : null;
            Sdes keys = codec == null ? null : srtp.answer(m);
            if (keys == null) {
                answer.add(m.rejected());
                continue;
            }
            int eventPt = eventPayloadType(m);
            Connection c = offer.connectionOf(m);
            Direction offered = offer.directionOf(m);
            if (c.isHold()) {
                offered = Direction.of(offered.sends(), false);
            }
            Direction ours = local.answerTo(offered);
            List<String> formats = new ArrayList<>();
            List<Attribute> attributes = new ArrayList<>();
            formats.add(Integer.toString(codec.payloadType()));
            attributes.add(new Attribute("rtpmap", RtpMap.of(codec).value()));
            addTelephoneEvent(formats, attributes, eventPt);
            if (keys.ours() != null) {
                attributes.add(new Attribute(SrtpTerms.CRYPTO, keys.ours().attributeValue()));
            }
            answer.add(audio(port, m.proto(), formats, attributes, ours));
            agreed = new MediaParameters(remote(c, m.port()), codec, eventPt, eventPt, ptime(m), offered,
                    keys.ours() == null ? null : keys);
        }
        if (agreed == null) {
            throw new SdpException("no acceptable audio stream: we take " + srtpTerms(srtp) + " audio with "
                    + preference + " and none was offered");
        }
        return new Negotiation(session.describe(answer), agreed);
    }

    /** Reads the peer's answer to an offer we made with {@link #offer}. */
    public MediaParameters accept(SessionDescription answer) throws SdpException {
        return accept(answer, SrtpTerms.any(false));
    }

    /** Reads the answer to an offer made under {@code srtp}'s terms; one breaking them is refused. */
    public MediaParameters accept(SessionDescription answer, SrtpTerms srtp) throws SdpException {
        for (MediaDescription m : answer.media()) {
            Sdes keys = acceptable(m) ? srtp.accept(m) : null;
            if (keys == null) {
                continue;
            }
            for (String format : m.formats()) {
                int pt = Integer.parseInt(format);
                Codec codec = m.codec(pt).orElse(null);
                if (codec != null && preference.contains(codec)) {
                    Connection c = answer.connectionOf(m);
                    Direction theirs = answer.directionOf(m);
                    if (c.isHold()) {
                        theirs = Direction.of(theirs.sends(), false);
                    }
                    return new MediaParameters(remote(c, m.port()), codec, eventPayloadType(m),
                            telephoneEventPt, ptime(m), theirs, keys.ours() == null ? null : keys);
                }
            }
        }
        throw new SdpException("the answer accepts none of the codecs we offered " + preference
                + " under our terms (" + srtpTerms(srtp) + ")");
    }

    private static boolean acceptable(MediaDescription m) {
        return m.media().equals("audio") && m.port() != 0 && PROFILES.contains(m.proto());
    }

    private static String srtpTerms(SrtpTerms srtp) {
        return switch (srtp.policy()) {
            case RTP -> "plain RTP";
            case SRTP -> srtp.srtpAllowed() ? "SRTP (RTP/SAVP with a=crypto)" : "SRTP, which needs TLS signalling,";
            case ANY -> srtp.srtpAllowed() ? "RTP or SRTP" : "plain RTP (SRTP needs TLS signalling)";
        };
    }

    private Codec preferredCodec(MediaDescription m) {
        for (Codec wanted : preference) {
            for (String format : m.formats()) {
                if (m.codec(Integer.parseInt(format)).orElse(null) == wanted) {
                    return wanted;
                }
            }
        }
        return null;
    }

    private static int eventPayloadType(MediaDescription m) {
        for (String format : m.formats()) {
            int pt = Integer.parseInt(format);
            RtpMap map = m.rtpMap(pt);
            if (map != null && map.is(TELEPHONE_EVENT, Codec.SAMPLE_RATE)) {
                return pt;
            }
        }
        return -1;
    }

    private static void addTelephoneEvent(List<String> formats, List<Attribute> attributes, int pt) {
        if (pt < 0) {
            return;
        }
        formats.add(Integer.toString(pt));
        attributes.add(new Attribute("rtpmap", pt + " " + TELEPHONE_EVENT + "/" + Codec.SAMPLE_RATE));
        attributes.add(new Attribute("fmtp", pt + " " + EVENTS));
    }

    private MediaDescription audio(int port, String proto, List<String> formats, List<Attribute> attributes,
                                   Direction direction) {
        attributes.add(new Attribute("ptime", Integer.toString(ptimeMs)));
        attributes.add(Attribute.flag(direction.attribute()));
        return new MediaDescription("audio", port, 1, proto, formats, null, attributes);
    }

    private static int ptime(MediaDescription m) {
        int p = m.ptime();
        return p > 0 ? p : DEFAULT_PTIME_MS;
    }

    private static InetSocketAddress remote(Connection c, int port) throws SdpException {
        if (c.isHold()) {
            return null;
        }
        return new InetSocketAddress(literal(c), port);
    }

    /** The address as a literal: we never resolve host names, which would block the call's loop. */
    static InetAddress literal(Connection c) throws SdpException {
        String a = c.address();
        try {
            if (c.addressType().equals("IP6")) {
                if (a.indexOf(':') < 0) {
                    throw new SdpException("connection address '" + a + "' is not an IPv6 literal");
                }
                return InetAddress.getByName(a);
            }
            String[] octets = a.split("\\.", -1);
            byte[] bytes = new byte[4];
            if (octets.length != 4) {
                throw new SdpException("connection address '" + a + "' is not an IPv4 literal (host names are not resolved)");
            }
            for (int i = 0; i < 4; i++) {
                int v = octets[i].length() <= 3 ? SdpParser.smallInt(octets[i], 255) : -1;
                if (v < 0) {
                    throw new SdpException("connection address '" + a + "' is not an IPv4 literal (host names are not resolved)");
                }
                bytes[i] = (byte) v;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new SdpException("bad connection address '" + a + "': " + e.getMessage());
        }
    }
}
