package gateway.sip;

import gateway.net.Addresses;
import gateway.sip.stack.SipStackHost;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import ops.metrics.GatewayMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends what the B2BUA says: INVITEs to agents, ACK, BYE, CANCEL, and answers to
 * callers with our SDP. Failures to send are logged and reported as false, never thrown, so
 * a dead peer cannot break a call's state machine.
 */
public final class SipOutbound {
    private static final Logger log = LoggerFactory.getLogger(SipOutbound.class);

    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;
    private final AddressFactory addresses;
    private final SipResponder responder;
    private final Resender resender;
    private final GatewayMeters meters;
    private final String host;
    private final int port;
    private final int tlsPort; // -1 without TLS; Contact and Via of what goes over TLS name it

    public SipOutbound(SipStackHost stack, String advertisedHost) {
        this(stack, advertisedHost, GatewayMeters.NONE);
    }

    /** @param meters counts each request and response we send */
    public SipOutbound(SipStackHost stack, String advertisedHost, GatewayMeters meters) {
        this.meters = meters;
        this.provider = stack.provider();
        this.messages = stack.messageFactory();
        this.headers = stack.headerFactory();
        this.addresses = stack.addressFactory();
        this.responder = new SipResponder(provider, messages, headers, meters);
        this.resender = new Resender(headers, this::send);
        this.host = advertisedHost;
        this.port = stack.port();
        this.tlsPort = stack.tlsPort();
    }

    /** The address we put in Contact, Via and SDP. */
    public String advertisedHost() {
        return host;
    }

    public SipResponder responder() {
        return responder;
    }

    /** Sends our requests outside a dialog again: after a challenge, after a 422. */
    public Resender resender() {
        return resender;
    }

    public static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() | 1L << 62);
    }

    public static String newCallId() {
        return UUID.randomUUID() + "@acd";
    }

    /** Our Contact for requests and responses over {@code transport}. */
    private ContactHeader contact(String transport) throws ParseException {
        return contact("acd", transport);
    }

    private ContactHeader contact(String user, String transport) throws ParseException {
        SipURI uri = addresses.createSipURI(user, host);
        uri.setPort(portFor(transport));
        if ("TCP".equalsIgnoreCase(transport) || "TLS".equalsIgnoreCase(transport)) {
            uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
        }
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    private int portFor(String transport) { // the port we are reached at over that transport
        return "TLS".equalsIgnoreCase(transport) && tlsPort > 0 ? tlsPort : port;
    }

    /**
     * Sends a new INVITE outside any dialog.
     *
     * @param requestUri where to send it (a registered contact, or the device at the trunk)
     * @param fromUser   the caller's number, so the agent's phone shows who calls
     * @param toUser     the agent's extension or the device number
     * @return the transaction, or null when it could not be sent
     */
    public ClientTransaction invite(String requestUri, String transport, String callId, String fromUser,
                                    String domain, String toUser, byte[] sdp) {
        return invite(requestUri, transport, List.of(), callId, fromUser, domain, toUser, sdp, r -> { });
    }

    /**
     * {@link #invite(String, String, String, String, String, String, byte[])} through the proxies
     * of {@code routeSet} (a registration's Path, RFC 3327), each a name-addr, first hop first
     * ({@code transport} is then the first hop's), with more headers from {@code decorate} (a
     * session timer's); {@code sdp} null sends no body (a delayed offer).
     */
    public ClientTransaction invite(String requestUri, String transport, List<String> routeSet, String callId,
                                    String fromUser, String domain, String toUser, byte[] sdp,
                                    Consumer<Request> decorate) {
        try {
            SipURI target = (SipURI) addresses.createURI(requestUri);
            String tp = transport == null ? "UDP" : transport.toUpperCase();
            if (!tp.equals("UDP") && target.getTransportParam() == null && routeSet.isEmpty()) {
                target.setTransportParam(tp.toLowerCase(Locale.ROOT));
            }
            Address from = addresses.createAddress(addresses.createSipURI(fromUser.isEmpty() ? "anonymous" : fromUser, domain));
            Address to = addresses.createAddress(addresses.createSipURI(toUser, domain));
            ViaHeader via = headers.createViaHeader(host, portFor(tp), tp, null);
            via.setRPort();
            Request invite = messages.createRequest(target, Request.INVITE, headers.createCallIdHeader(callId),
                    headers.createCSeqHeader(1L, Request.INVITE), headers.createFromHeader(from, newTag()),
                    headers.createToHeader(to, null), List.of(via), headers.createMaxForwardsHeader(70));
            for (String hop : routeSet) {
                invite.addLast(headers.createRouteHeader(addresses.createAddress(hop)));
            }
            invite.addHeader(contact(tp));
            responder.advertise(invite);
            if (sdp != null) {
                invite.setContent(sdp, sdpType());
            }
            decorate.accept(invite);
            return send(invite);
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            log.warn("INVITE to {} could not be sent: {}", requestUri, e.toString());
            return null;
        }
    }

    /**
     * Sends a REGISTER binding {@code user@domain} to our SIP address for {@code expires} seconds
     * (0 removes it). The Request-URI names the domain; when that is not the registrar's address,
     * a loose Route header takes the request there.
     *
     * @param registrar the registrar's resolved address
     * @return the transaction, or null when it could not be sent
     */
    public ClientTransaction register(InetSocketAddress registrar, String transport, String user, String domain,
                                      String callId, String fromTag, long cseq, int expires) {
        try {
            String tp = transport.toUpperCase(Locale.ROOT);
            String ip = registrar.getAddress().getHostAddress();
            SipURI target = addresses.createSipURI(null, domain);
            SipURI next = addresses.createSipURI(null, ip);
            next.setPort(registrar.getPort());
            next.setLrParam();
            if (tp.equals("TCP")) {
                target.setTransportParam("tcp");
                next.setTransportParam("tcp");
            }
            boolean routed = !domain.equals(ip);
            if (!routed) {
                target.setPort(registrar.getPort());
            }
            Address aor = addresses.createAddress(addresses.createSipURI(user, domain));
            ViaHeader via = headers.createViaHeader(host, portFor(tp), tp, null);
            via.setRPort();
            Request register = messages.createRequest(target, Request.REGISTER, headers.createCallIdHeader(callId),
                    headers.createCSeqHeader(cseq, Request.REGISTER), headers.createFromHeader(aor, fromTag),
                    headers.createToHeader(aor, null), List.of(via), headers.createMaxForwardsHeader(70));
            if (routed) {
                register.addHeader(headers.createRouteHeader(addresses.createAddress(next)));
            }
            register.addHeader(contact(user, tp));
            register.addHeader(headers.createExpiresHeader(expires));
            return send(register);
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            log.info("REGISTER to {} could not be sent: {}", Addresses.of(registrar), e.toString());
            return null;
        }
    }

    private ClientTransaction send(Request r) throws SipException {
        ClientTransaction ct = provider.getNewClientTransaction(r);
        ct.sendRequest();
        meters.sipRequestSent(r.getMethod());
        return ct;
    }

    /** ACKs a 2xx to one of our INVITEs. */
    public boolean ack(Dialog dialog, Response ok) {
        return ack(dialog, ok, null);
    }

    /** ACKs a 2xx to one of our INVITEs, with {@code sdp} (the answer to the 2xx's offer) unless null. */
    public boolean ack(Dialog dialog, Response ok, byte[] sdp) {
        try {
            long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = dialog.createAck(cseq);
            if (sdp != null) {
                ack.setContent(sdp, sdpType());
            }
            dialog.sendAck(ack);
            meters.sipRequestSent(Request.ACK);
            return true;
        } catch (SipException | InvalidArgumentException | ParseException | RuntimeException e) {
            log.debug("ACK not sent: {}", e.toString());
            return false;
        }
    }

    /** INFO inside {@code dialog} with {@code body} of {@code contentType} (say a key as {@code application/dtmf-relay}). */
    public boolean info(Dialog dialog, String contentType, String body) {
        return dialog != null
                && request(dialog, Request.INFO, contentType, body.getBytes(StandardCharsets.UTF_8), r -> { }) != null;
    }

    /**
     * Sends {@code method} inside {@code dialog} with {@code sdp} (unless null) and the headers
     * {@code decorate} adds; the transaction, or null when it could not be sent.
     */
    public ClientTransaction request(Dialog dialog, String method, byte[] sdp, Consumer<Request> decorate) {
        return request(dialog, method, "application/sdp", sdp, decorate);
    }

    private ClientTransaction request(Dialog dialog, String method, String contentType, byte[] body,
                                      Consumer<Request> decorate) {
        try {
            Request r = dialog.createRequest(method);
            if (body != null) {
                String[] type = contentType.split("/", 2);
                r.setContent(body, headers.createContentTypeHeader(type[0], type[1]));
            }
            if (Request.INVITE.equals(method) || Request.UPDATE.equals(method)) {
                r.setHeader(contact(transportOf(r)));
                responder.advertise(r);
            }
            decorate.accept(r);
            ClientTransaction ct = provider.getNewClientTransaction(r);
            dialog.sendRequest(ct);
            meters.sipRequestSent(method);
            return ct;
        } catch (SipException | ParseException | RuntimeException e) {
            log.debug("{} not sent in dialog {}: {}", method, dialog == null ? "-" : dialog.getCallId(), e.toString());
            return null;
        }
    }

    public boolean bye(Dialog dialog) {
        return bye(dialog, null);
    }

    /** BYE with a Reason header (RFC 3326) when {@code reason} is not null. */
    public boolean bye(Dialog dialog, SipReason reason) {
        return dialog != null && request(dialog, Request.BYE, null, r -> addReason(r, reason)) != null;
    }

    private void addReason(Request r, SipReason reason) {
        if (reason != null) {
            try {
                r.addHeader(headers.createHeader("Reason", reason.value()));
            } catch (ParseException e) {
                throw new IllegalStateException("Reason: " + reason.value(), e);
            }
        }
    }

    /**
     * ACKs and hangs up a 2xx to one of our INVITEs without the stack's dialog: for an answer
     * that crossed our CANCEL, which the stack may hand over with no usable dialog. Both requests
     * are built from the response itself (Contact as target, its tags, Call-ID and CSeq).
     */
    public boolean ackAndBye(Response ok) {
        return ackAndBye(ok, null);
    }

    /** {@link #ackAndBye(Response)} with a Reason header on the BYE when {@code reason} is not null. */
    public boolean ackAndBye(Response ok, SipReason reason) {
        try {
            ContactHeader contact = (ContactHeader) ok.getHeader(ContactHeader.NAME);
            if (contact == null) {
                log.warn("a 2xx without Contact cannot be hung up: Call-ID {}", SipIds.callId(ok));
                return false;
            }
            SipURI target = (SipURI) contact.getAddress().getURI().clone();
            String tp = target.getTransportParam() == null ? "UDP" : target.getTransportParam().toUpperCase();
            CSeqHeader cseq = (CSeqHeader) ok.getHeader(CSeqHeader.NAME);
            javax.sip.header.FromHeader from = (javax.sip.header.FromHeader) ok.getHeader(javax.sip.header.FromHeader.NAME);
            ToHeader to = (ToHeader) ok.getHeader(ToHeader.NAME);
            javax.sip.header.CallIdHeader callId = (javax.sip.header.CallIdHeader) ok.getHeader(javax.sip.header.CallIdHeader.NAME);
            Request ack = request(target, Request.ACK, tp, callId, cseq.getSeqNumber(), from, to);
            provider.sendRequest(ack);
            meters.sipRequestSent(Request.ACK);
            Request bye = request(target, Request.BYE, tp, callId, cseq.getSeqNumber() + 1, from, to);
            addReason(bye, reason);
            provider.getNewClientTransaction(bye).sendRequest();
            meters.sipRequestSent(Request.BYE);
            return true;
        } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
            log.warn("could not hang up the unwanted answer {}: {}", SipIds.callId(ok), e.toString());
            return false;
        }
    }

    private Request request(SipURI target, String method, String transport, javax.sip.header.CallIdHeader callId,
                            long seq, javax.sip.header.FromHeader from, ToHeader to)
            throws ParseException, InvalidArgumentException {
        ViaHeader via = headers.createViaHeader(host, portFor(transport), transport, null);
        via.setRPort();
        return messages.createRequest(target, method, (javax.sip.header.CallIdHeader) callId.clone(),
                headers.createCSeqHeader(seq, method), (javax.sip.header.FromHeader) from.clone(), (ToHeader) to.clone(),
                List.of(via), headers.createMaxForwardsHeader(70));
    }


    /** CANCELs a pending INVITE (only valid once a provisional response came). */
    public boolean cancel(ClientTransaction invite) {
        return cancel(invite, null);
    }

    /** CANCEL with a Reason header (RFC 3326) when {@code reason} is not null. */
    public boolean cancel(ClientTransaction invite, SipReason reason) {
        try {
            Request cancel = invite.createCancel();
            addReason(cancel, reason);
            send(cancel);
            return true;
        } catch (SipException | RuntimeException e) {
            log.debug("CANCEL not sent: {}", e.toString());
            return false;
        }
    }

    /** A response to an INVITE (or re-INVITE) with our To tag, Contact and, when given, SDP. */
    public void answer(ServerTransaction st, Request request, int status, String toTag, byte[] sdp) {
        answer(st, request, status, toTag, sdp, r -> { });
    }

    /** {@link #answer} (to an INVITE, re-INVITE or UPDATE) with the headers {@code decorate} adds (a session timer's). */
    public void answer(ServerTransaction st, Request request, int status, String toTag, byte[] sdp,
                       Consumer<Response> decorate) {
        try {
            Response r = messages.createResponse(status, request);
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to.getTag() == null && toTag != null && status > 100) {
                to.setTag(toTag);
            }
            if (status >= 200 && status < 300 || status == 183) {
                r.addHeader(contact(transportOf(request)));
            }
            if (status >= 200 && status < 300) {
                responder.advertise(r);
            }
            if (sdp != null) {
                r.setContent(sdp, sdpType());
            }
            decorate.accept(r);
            responder.send(st, request, r);
        } catch (ParseException e) {
            log.warn("cannot build {} for {}: {}", status, request.getMethod(), e.toString());
        }
    }

    public void reply(ServerTransaction st, Request request, int status) {
        responder.reply(st, request, status);
    }

    private ContentTypeHeader sdpType() throws ParseException {
        return headers.createContentTypeHeader("application", "sdp");
    }

    private static String transportOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null ? "UDP" : via.getTransport();
    }
}
