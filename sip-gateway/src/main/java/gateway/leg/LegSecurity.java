package gateway.leg;

import config.model.MediaSecurity;
import gateway.sdp.SrtpTerms;
import gateway.sip.registrar.Binding;
import java.util.List;

/**
 * The SRTP terms of a leg from two facts: the {@code media} setting of its agent or trunk, and
 * whether the leg is signalled over TLS (the INVITE's Via transport, or the transport the phone
 * registered over). SDES puts the keys in the SDP, so SRTP over clear signalling is refused.
 */
public final class LegSecurity {
    private LegSecurity() {
    }

    /** Whether signalling over {@code transport} keeps SDES keys secret. */
    public static boolean secure(String transport) {
        return "TLS".equalsIgnoreCase(transport);
    }

    /** A leg we answer: the caller's policy, its INVITE's transport. */
    public static SrtpTerms answering(MediaSecurity policy, String transport) {
        return new SrtpTerms(policy, secure(transport));
    }

    /**
     * The one offer an agent's phones share: SRTP only if every phone rung is on TLS, and not when
     * the agent's device (through a trunk, in clear) may get the same offer.
     */
    public static SrtpTerms ringing(AgentRoute route, List<Binding> phones) {
        List<Binding> rung = ringable(route, phones);
        boolean secure = !rung.isEmpty() && !route.hasDevice() && rung.stream().allMatch(b -> secure(b.transport()));
        return new SrtpTerms(route.media(), secure);
    }

    /** The phones of an agent that may be rung: for {@code media: srtp}, those registered over TLS only. */
    public static List<Binding> ringable(AgentRoute route, List<Binding> phones) {
        return route.media() != MediaSecurity.SRTP ? phones
                : phones.stream().filter(b -> secure(b.transport())).toList();
    }
}
