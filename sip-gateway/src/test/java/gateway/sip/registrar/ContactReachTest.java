package gateway.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import config.model.NatMode;
import gateway.sip.RequestSource;
import gateway.sip.registrar.ContactReach.NatSign;
import java.net.InetSocketAddress;
import java.util.List;
import javax.sip.SipFactory;
import javax.sip.header.ContactHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of {@code nat: auto} on REGISTERs as they arrive: what makes the registrar reach the
 * source instead of the Contact, and what does not (a third party registering another device).
 */
class ContactReachTest {
    private static final MessageFactory MESSAGES;

    static {
        try {
            MESSAGES = SipFactory.getInstance().createMessageFactory();
        } catch (javax.sip.PeerUnavailableException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A REGISTER over {@code transport} from 127.0.0.1:5070 with this Via sent-by and Contact. */
    private static ContactReach reach(String transport, String sentBy, String contact, NatMode mode, String... more)
            throws Exception {
        String text = "REGISTER sip:acd.test SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + sentBy + ";branch=z9hG4bK1;rport\r\n"
                + "From: <sip:1001@acd.test>;tag=1\r\nTo: <sip:1001@acd.test>\r\nCall-ID: c1\r\n"
                + "CSeq: 1 REGISTER\r\nMax-Forwards: 70\r\nContact: " + contact + "\r\n"
                + String.join("", List.of(more).stream().map(h -> h + "\r\n").toList())
                + "Content-Length: 0\r\n\r\n";
        Request r = MESSAGES.createRequest(text);
        RequestSource source = new RequestSource(new InetSocketAddress("127.0.0.1", 5070), transport);
        return ContactReach.of((ContactHeader) r.getHeader(ContactHeader.NAME), r, source, mode);
    }

    @ParameterizedTest(name = "{0} sent-by {1}, Contact {2}: {3}")
    @CsvSource(delimiter = '|', value = {
        // a phone on its own address: the Contact
        "UDP | 127.0.0.1:5070     | <sip:1001@127.0.0.1:5070>                 | NONE",
        // a third party: another device's public address, Via as the source
        "UDP | 127.0.0.1:5070     | <sip:1001@198.51.100.7:5062>              | NONE",
        "UDP | 127.0.0.1:5070     | <sip:1001@127.0.0.1:6000>                 | NONE",
        "TCP | 127.0.0.1:5099     | <sip:1001@127.0.0.1:6000;transport=tcp>   | NONE",
        "UDP | 127.0.0.1          | <sip:1001@phone.example.net>              | VIA_NOT_SOURCE",
        // private Contact seen from elsewhere
        "UDP | 127.0.0.1:5070     | <sip:1001@192.168.1.20:5060>              | PRIVATE_CONTACT",
        "UDP | 127.0.0.1:5070     | <sip:1001@10.1.2.3>                       | PRIVATE_CONTACT",
        "UDP | 127.0.0.1:5070     | <sip:1001@100.64.0.9>                     | PRIVATE_CONTACT",
        "UDP | 127.0.0.1:5070     | <sip:1001@[fd00::20]:5060>                | PRIVATE_CONTACT",
        // the Via says another address or, over UDP, another port
        "UDP | 192.168.1.20:5060  | <sip:1001@198.51.100.7>                   | VIA_NOT_SOURCE",
        "UDP | 127.0.0.1:5060     | <sip:1001@198.51.100.7>                   | VIA_NOT_SOURCE",
        // RFC 5626 outbound
        "UDP | 127.0.0.1:5070     | <sip:1001@198.51.100.7;ob>                | OUTBOUND",
        "UDP | 127.0.0.1:5070     | <sip:1001@198.51.100.7>;reg-id=1;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\" | OUTBOUND",
    })
    void autoDetects(String transport, String sentBy, String contact, NatSign expected) throws Exception {
        assertEquals(expected, reach(transport, sentBy, contact, NatMode.AUTO).sign());
    }

    @ParameterizedTest
    @CsvSource({"UDP, udp", "TCP, tcp"})
    void behindNatTheSourceIsReachedOverTheTransportItUsed(String transport, String param) throws Exception {
        ContactReach r = reach(transport, "192.168.1.20:5060", "<sip:1001@192.168.1.20:5060;transport=" + param + ">",
                NatMode.AUTO);
        assertEquals("sip:1001@127.0.0.1:5070;transport=" + param, r.uri());
        assertEquals(transport, r.transport());
    }

    @ParameterizedTest
    @CsvSource({"NEVER, sip:1001@192.168.1.20:5060, NONE", "ALWAYS, sip:1001@127.0.0.1:5070;transport=udp, FORCED"})
    void neverAndAlwaysOverrideDetection(NatMode mode, String uri, NatSign sign) throws Exception {
        ContactReach r = reach("UDP", "192.168.1.20:5060", "<sip:1001@192.168.1.20:5060>", mode);
        assertEquals(uri, r.uri());
        assertEquals(sign, r.sign());
    }

    @ParameterizedTest
    @CsvSource({"UDP, '', UDP", "UDP, ;transport=tcp, TCP"})
    void withAPathTheContactIsReachedThroughTheProxy(String transport, String param, String firstHop) throws Exception {
        ContactReach r = reach(transport, "127.0.0.1:5070", "<sip:1001@192.168.1.20:5060>", NatMode.ALWAYS,
                "Path: <sip:127.0.0.1:5070" + param + ";lr>", "Path: <sip:core.example.net;lr>");
        assertEquals("sip:1001@192.168.1.20:5060", r.uri());
        assertEquals(List.of("<sip:127.0.0.1:5070" + param + ";lr>", "<sip:core.example.net;lr>"), r.path());
        assertEquals(firstHop, r.transport());
        assertEquals(NatSign.NONE, r.sign());
    }
}
