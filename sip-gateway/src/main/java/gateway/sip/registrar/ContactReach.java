package gateway.sip.registrar;

import config.model.NatMode;
import gateway.sip.RequestSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderAddress;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Where requests for one registered contact go, decided once per REGISTER: the Contact itself,
 * or, for a phone behind NAT or registered over TLS, the address (over TCP and TLS, the
 * connection) the REGISTER came from;
 * with a Path (RFC 3327), the Contact through the Path's proxies.
 *
 * @param uri       the Request-URI of an INVITE to the contact
 * @param transport the transport of the first hop
 * @param path      the Route set to pre-load (the REGISTER's Path values), empty without one
 * @param sign      why the source is used instead of the Contact, {@link NatSign#NONE} when it is not
 */
record ContactReach(String uri, String transport, List<String> path, NatSign sign) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    /** What made {@code nat: auto} (or {@code always}) reach the source rather than the Contact. */
    enum NatSign {
        NONE("not behind NAT"),
        /** The Contact names a private or loopback address, and the REGISTER came from another. */
        PRIVATE_CONTACT("private Contact address"),
        /** The top Via's sent-by is not where the REGISTER came from (over TCP: its host is not). */
        VIA_NOT_SOURCE("Via sent-by is not the source"),
        /** The phone asks for RFC 5626 outbound: {@code ;ob}, or {@code reg-id} with {@code +sip.instance}. */
        OUTBOUND("outbound requested"),
        /** {@code nat: always}. */
        FORCED("nat: always"),
        /**
         * Registered over TLS: reached over the connection it registered on, whatever {@code nat}
         * says (RFC 5923's connection reuse): a phone on TLS does not take connections of ours.
         */
        TLS_CONNECTION("registered over TLS");

        private final String text;

        NatSign(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    ContactReach {
        path = List.copyOf(path);
    }

    static ContactReach of(ContactHeader contact, Request register, RequestSource source, NatMode mode) {
        URI uri = contact.getAddress().getURI();
        List<Address> hops = path(register);
        List<String> path = hops.stream().map(Address::toString).toList();
        if (!(uri instanceof SipURI sip)) {
            return new ContactReach(uri.toString(), source.transport(), path, NatSign.NONE);
        }
        if (!hops.isEmpty()) {
            // the proxy that added the Path relays to the phone and handles its NAT itself
            String firstHop = hops.get(0).getURI() instanceof SipURI proxy && proxy.getTransportParam() != null
                    ? transportOf(proxy) : source.transport();
            return new ContactReach(uri.toString(), firstHop, path, NatSign.NONE);
        }
        NatSign sign = "TLS".equals(source.transport()) ? NatSign.TLS_CONNECTION : switch (mode) {
            case NEVER -> NatSign.NONE;
            case ALWAYS -> NatSign.FORCED;
            case AUTO -> detect(contact, sip, (ViaHeader) register.getHeader(ViaHeader.NAME), source);
        };
        if (sign == NatSign.NONE) {
            return new ContactReach(uri.toString(), transportOf(sip), path, sign);
        }
        return new ContactReach(atSource(sip, source), source.transport(), path, sign);
    }

    static NatSign detect(ContactHeader contact, SipURI uri, ViaHeader via, RequestSource source) {
        if (uri.getParameter("ob") != null
                || contact.getParameter("reg-id") != null && contact.getParameter("+sip.instance") != null) {
            return NatSign.OUTBOUND;
        }
        InetAddress contactIp = literal(uri.getHost());
        if (contactIp != null && isPrivate(contactIp) && !contactIp.equals(source.ip())) {
            return NatSign.PRIVATE_CONTACT;
        }
        if (via != null && !sentByIsSource(via, source)) {
            return NatSign.VIA_NOT_SOURCE;
        }
        return NatSign.NONE;
    }

    /** Over TCP only the host counts: a connection's source port is ephemeral, never the sent-by port. */
    private static boolean sentByIsSource(ViaHeader via, RequestSource source) {
        InetAddress sentBy = literal(via.getHost());
        if (sentBy == null || !sentBy.equals(source.ip())) {
            return false;
        }
        int port = via.getPort() > 0 ? via.getPort() : 5060;
        return !"UDP".equals(source.transport()) || port == source.address().getPort();
    }

    private static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean carrierGradeNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isSiteLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || carrierGradeNat || uniqueLocal;
    }

    /** The address a host names when it is an IP literal; null for a name, which is never looked up here. */
    private static InetAddress literal(String host) {
        boolean v4 = host != null && IPV4.matcher(host).matches()
                && Arrays.stream(host.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        if (!v4 && (host == null || !IPV6.matcher(host).matches())) {
            return null;
        }
        try {
            return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The transport a contact names: its {@code transport} parameter, else TLS for {@code sips:}, else UDP. */
    private static String transportOf(SipURI sip) {
        String tp = sip.getTransportParam();
        return tp != null ? tp.toUpperCase(Locale.ROOT) : sip.isSecure() ? "TLS" : "UDP";
    }

    /** The contact pointed at the REGISTER's source, over the transport it came by. */
    private static String atSource(SipURI sip, RequestSource source) {
        SipURI reach = (SipURI) sip.clone();
        try {
            reach.setHost(source.ip().getHostAddress());
            reach.setPort(source.address().getPort());
            reach.setTransportParam(source.transport().toLowerCase(Locale.ROOT));
        } catch (ParseException e) {
            throw new IllegalStateException("source address " + source.address() + " does not fit a SIP URI", e);
        }
        return reach.toString();
    }

    /** The REGISTER's Path values in order. */
    private static List<Address> path(Request register) {
        List<Address> path = new ArrayList<>();
        ListIterator<?> it = register.getHeaders("Path");
        while (it != null && it.hasNext()) {
            Object h = it.next();
            if (h instanceof HeaderAddress a) {
                path.add(a.getAddress());
            }
        }
        return path;
    }
}
