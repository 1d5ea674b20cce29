package gateway.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Where a request really came from (packet source, not what its headers claim) and over what. */
public record RequestSource(InetSocketAddress address, String transport) {

    public static RequestSource of(Request request) {
        SIPMessage m = (SIPMessage) request;
        InetAddress host = m.getPeerPacketSourceAddress() != null ? m.getPeerPacketSourceAddress() : m.getRemoteAddress();
        int port = m.getPeerPacketSourceAddress() != null ? m.getPeerPacketSourcePort() : m.getRemotePort();
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via == null || via.getTransport() == null ? "UDP" : via.getTransport().toUpperCase(Locale.ROOT);
        return new RequestSource(new InetSocketAddress(host, port), transport);
    }

    public InetAddress ip() {
        return address.getAddress();
    }
}
