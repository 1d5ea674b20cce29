package gateway.testphone;

import gateway.sip.auth.DigestChallenge;
import gateway.sip.stack.SipStackHost;
import gateway.sip.stack.SipStackSettings;
import gateway.sip.tls.TlsListen;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionState;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small SIP phone on Jain-SIP for tests: registers with digest auth, places calls
 * (INVITE/ACK/BYE/CANCEL/INFO/OPTIONS) and answers them, over UDP, TCP or TLS on 127.0.0.1. Every
 * wait is bounded; a missed event fails the test with an {@link AssertionError}.
 *
 * <pre>{@code
 * try (TestPhone phone = TestPhone.builder("1001").password("pw").server(addr).domain("acd.test").start()) {
 *     assertEquals(200, phone.register(3600).getStatusCode());
 *     Outgoing call = phone.invite("5000", sdp);
 *     assertEquals(200, call.awaitFinal().getStatusCode());
 *     call.ack();
 *     call.bye().awaitFinal();
 * }
 * }</pre>
 */
public final class TestPhone implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestPhone.class);
    private static final AtomicInteger IDS = new AtomicInteger();
    public static final Duration WAIT = Duration.ofSeconds(10);

    /** Set by {@link #close}: a request crossing it gets no answer, as from a phone switched off. */
    private volatile boolean closing;
    private final String user;
    private final String domain;
    private final InetSocketAddress server;
    private final String transport;
    private final SipStackHost host;
    private final DigestClient digest;
    private final Events<Incoming> requests = new Events<>();
    private final Events<ResponseEvent> responses = new Events<>();
    private final Events<TimeoutEvent> timeouts = new Events<>();
    private final String registerCallId;
    private final java.util.concurrent.atomic.AtomicLong registerCseq = new java.util.concurrent.atomic.AtomicLong();
    private volatile String advertisedHost;
    private volatile int advertisedPort;

    private TestPhone(Builder b) throws SipException {
        this.user = b.user;
        this.domain = b.domain;
        this.server = Objects.requireNonNull(b.server, "server");
        this.transport = b.transport;
        this.digest = new DigestClient(b.authUser != null ? b.authUser : b.user, b.password);
        SipStackSettings stack = SipStackSettings.client("testphone-" + b.user + "-" + IDS.incrementAndGet(),
                b.localAddress, 0);
        if ("TLS".equals(transport)) {
            stack = stack.withTls(new TlsListen(b.localAddress, 0, Objects.requireNonNull(b.tls, "tls context")));
        }
        this.host = SipStackHost.start(stack, h -> new Listener());
        this.advertisedHost = b.localAddress;
        this.advertisedPort = "TLS".equals(transport) ? host.tlsPort() : host.port();
        this.registerCallId = newCallId();
    }

    public static Builder builder(String user) {
        return new Builder(user);
    }

    public static final class Builder {
        private final String user;
        private String password;
        private String authUser;
        private InetSocketAddress server;
        private String transport = "UDP";
        private String domain = "acd.test";
        private String localAddress = "127.0.0.1";
        private SSLContext tls;

        private Builder(String user) {
            this.user = user;
        }

        public Builder password(String value) {
            this.password = value;
            return this;
        }

        /** The digest user name, when it differs from the SIP user (default: the same). */
        public Builder authUser(String value) {
            this.authUser = value;
            return this;
        }

        public Builder server(InetSocketAddress value) {
            this.server = value;
            return this;
        }

        public Builder server(int port) {
            return server(new InetSocketAddress("127.0.0.1", port));
        }

        /** UDP (default), TCP, or TLS (with {@link #tls}). */
        public Builder transport(String value) {
            this.transport = value.toUpperCase(Locale.ROOT);
            return this;
        }

        /** Over TLS, trusting what {@code context} trusts (the server's test certificate). */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return transport("TLS");
        }

        public Builder domain(String value) {
            this.domain = value;
            return this;
        }

        /** The loopback address to bind (127.0.0.1 by default; 127.0.0.2 makes a second "host"). */
        public Builder localAddress(String value) {
            this.localAddress = value;
            return this;
        }

        public TestPhone start() throws SipException {
            return new TestPhone(this);
        }
    }

    // ---- registration -------------------------------------------------------------------------

    /** REGISTER with {@code expires}, answering challenges; returns the final response. */
    public Response register(int expires) {
        return sendRegister(expires).awaitFinal();
    }

    /** {@code Expires: 0} for this phone's contact. */
    public Response unregister() {
        return register(0);
    }

    /** {@code Contact: *} with {@code Expires: 0}: removes every contact of the user. */
    public Response unregisterAll() {
        return send(registerRequest(-1, true)).awaitFinal();
    }

    /**
     * REGISTER of {@code contactUri} instead of this phone's own contact, with extra header lines
     * ({@code "Path: <sip:...;lr>"}): as a provisioning tool registers a device, or a proxy relays
     * a phone. Answers challenges; returns the final response.
     */
    public Response registerContact(String contactUri, int expires, String... headerLines) {
        Request r = registerRequest(expires, false);
        try {
            r.setHeader(headers().createContactHeader(host.addressFactory().createAddress(contactUri)));
        } catch (ParseException e) {
            throw new IllegalStateException(contactUri, e);
        }
        for (String line : headerLines) {
            String[] nameValue = line.split(":\\s*", 2);
            try {
                r.addHeader(headers().createHeader(nameValue[0], nameValue[1]));
            } catch (ParseException e) {
                throw new IllegalStateException(line, e);
            }
        }
        return send(r).awaitFinal();
    }

    /** One REGISTER (with credentials when a challenge is known); the caller awaits what it needs. */
    public Outgoing sendRegister(int expires) {
        return send(registerRequest(expires, false));
    }

    private Request registerRequest(int expires, boolean wildcard) {
        try {
            Request r = newRequest(Request.REGISTER, serverUri(null), user, registerCallId, registerCseq.incrementAndGet(), null);
            if (wildcard) {
                r.setHeader(headers().createHeader("Contact", "*"));
                r.setHeader(headers().createExpiresHeader(0));
            } else if (expires >= 0) {
                r.setHeader(headers().createExpiresHeader(expires));
            }
            return r;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- calls and other requests ----------------------------------------------------------------

    /** INVITE {@code target}@server with {@code sdp} (may be null for no body). */
    public Outgoing invite(String target, String sdp) {
        Request r = newRequest(Request.INVITE, serverUri(target), target, newCallId(), 1, sdp);
        return send(r);
    }

    /** {@link #invite(String, String)} with more headers, each written {@code "Name: value"}. */
    public Outgoing invite(String target, String sdp, String... headers) {
        Request r = newRequest(Request.INVITE, serverUri(target), target, newCallId(), 1, sdp);
        addHeaders(r, headers);
        return send(r);
    }

    /** Adds each {@code "Name: value"} to {@code m}. */
    void addHeaders(javax.sip.message.Message m, String... headers) {
        for (String h : headers) {
            int colon = h.indexOf(':');
            try {
                m.addHeader(headers().createHeader(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
            } catch (ParseException e) {
                throw new IllegalStateException(h, e);
            }
        }
    }

    /** OPTIONS to the server; returns the final response. */
    public Response options() {
        return send(newRequest(Request.OPTIONS, serverUri(null), user, newCallId(), 1, null)).awaitFinal();
    }

    /** Any request out of dialog, built like the others; for methods the phone has no shortcut for. */
    public Outgoing request(String method, String target) {
        return send(newRequest(method, serverUri(target), target == null ? user : target, newCallId(), 1, null));
    }

    /** Sends a request built by the caller (see {@link #newRequest}). */
    public Outgoing send(Request request) {
        digest.authorization(request.getMethod(), request.getRequestURI().toString())
                .ifPresent(value -> setHeader(request, "Authorization", value));
        try {
            ClientTransaction ct = provider().getNewClientTransaction(request);
            ct.sendRequest();
            return new Outgoing(this, ct);
        } catch (SipException e) {
            throw new IllegalStateException("cannot send " + request.getMethod(), e);
        }
    }

    /** A new out-of-dialog request from this phone's user to {@code toUser}@domain. */
    public Request newRequest(String method, SipURI requestUri, String toUser, String callId, long cseq, String sdp) {
        try {
            AddressFactory af = host.addressFactory();
            HeaderFactory hf = headers();
            Address from = af.createAddress(af.createSipURI(user, domain));
            Address to = af.createAddress(af.createSipURI(toUser, domain));
            ViaHeader via = hf.createViaHeader(advertisedHost, advertisedPort, transport.toLowerCase(Locale.ROOT), null);
            via.setRPort();
            List<ViaHeader> vias = new ArrayList<>(List.of(via));
            CallIdHeader callIdHeader = hf.createCallIdHeader(callId);
            Request r = host.messageFactory().createRequest(requestUri, method, callIdHeader,
                    hf.createCSeqHeader(cseq, method), hf.createFromHeader(from, newTag()), hf.createToHeader(to, null),
                    vias, hf.createMaxForwardsHeader(70));
            r.addHeader(contactHeader());
            if (sdp != null) {
                r.setContent(sdp, sdpType());
            }
            return r;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("cannot build " + method, e);
        }
    }

    // ---- what arrived -------------------------------------------------------------------------

    /** The next request of {@code method} that arrived (BYE, CANCEL, OPTIONS, INFO are already answered 200). */
    public Incoming awaitRequest(String method, Duration timeout) {
        return requests.take(i -> i.method().equals(method), timeout, method + " at phone " + user);
    }

    public Incoming awaitRequest(String method) {
        return awaitRequest(method, WAIT);
    }

    /** The next response with {@code status} to a request of {@code method}. */
    public Response awaitResponse(String method, int status, Duration timeout) {
        return responses.take(e -> status == e.getResponse().getStatusCode() && method.equals(cseqMethod(e.getResponse())),
                timeout, status + " to " + method + " at phone " + user).getResponse();
    }

    /** Every response received so far, in order (also those already taken by a wait). */
    public List<Response> responseHistory() {
        return responses.history().stream().map(ResponseEvent::getResponse).toList();
    }

    /** Requests that arrived and were not taken yet. */
    public List<Incoming> pendingRequests(String method) {
        return requests.pending(i -> i.method().equals(method));
    }

    ResponseEvent takeResponse(ClientTransaction ct, Duration timeout, boolean finalOnly) {
        return responses.take(e -> e.getClientTransaction() == ct
                        && (!finalOnly || e.getResponse().getStatusCode() >= 200),
                timeout, (finalOnly ? "final response" : "response") + " to " + ct.getRequest().getMethod()
                        + " at phone " + user);
    }

    // ---- accessors ----------------------------------------------------------------------------

    public DigestClient digest() {
        return digest;
    }

    public String user() {
        return user;
    }

    public int port() {
        return host.port();
    }

    public String transport() {
        return transport;
    }

    /**
     * Puts {@code hostName:port} in Via and Contact instead of the real address, as a phone behind
     * NAT does with its private address.
     */
    public TestPhone advertise(String hostName, int port) {
        this.advertisedHost = hostName;
        this.advertisedPort = port;
        return this;
    }

    public String contactUri() {
        return "sip:" + user + "@" + advertisedHost + ":" + advertisedPort
                + ("UDP".equals(transport) ? "" : ";transport=" + transport.toLowerCase(Locale.ROOT));
    }

    SipProvider provider() {
        return host.provider();
    }

    HeaderFactory headers() {
        return host.headerFactory();
    }

    MessageFactory messages() {
        return host.messageFactory();
    }

    ContactHeader contactHeader() {
        try {
            return headers().createContactHeader(host.addressFactory().createAddress(contactUri()));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    ContentTypeHeader sdpType() {
        try {
            return headers().createContentTypeHeader("application", "sdp");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    void setHeader(Request r, String name, String value) {
        try {
            r.setHeader(headers().createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalStateException(name + ": " + value, e);
        }
    }

    SipURI serverUri(String target) {
        try {
            SipURI uri = host.addressFactory().createSipURI(target, server.getAddress().getHostAddress());
            uri.setPort(server.getPort());
            if (!"UDP".equals(transport)) {
                uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
            }
            return uri;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSeq for resending {@code request}: REGISTERs share one counter for the phone's Call-ID. */
    long nextCseq(Request request) {
        long current = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        return Request.REGISTER.equals(request.getMethod())
                ? registerCseq.updateAndGet(n -> Math.max(n, current) + 1) : current + 1;
    }

    static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong());
    }

    private static String newCallId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong()) + "@testphone";
    }

    static String cseqMethod(Response r) {
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        return cseq == null ? "" : cseq.getMethod();
    }

    @Override
    public void close() {
        closing = true;
        host.close();
    }

    /**
     * Queues what arrives; answers BYE, CANCEL, OPTIONS and INFO at once, as a phone would. A
     * CANCEL also ends its INVITE with 487 unless the test answered it first (see {@link Incoming#cancelled()}).
     */
    private final class Listener implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
            Request r = event.getRequest();
            if (Request.ACK.equals(r.getMethod())) {
                requests.add(new Incoming(TestPhone.this, r, null, event.getDialog()));
                return;
            }
            ServerTransaction st = event.getServerTransaction();
            if (st == null) {
                try {
                    st = provider().getNewServerTransaction(r);
                } catch (SipException e) {
                    return; // a retransmission the existing transaction absorbs
                }
            }
            Incoming in = new Incoming(TestPhone.this, r, st, event.getDialog() != null ? event.getDialog() : st.getDialog());
            try {
                answerAtOnce(in, st);
            } catch (IllegalStateException e) {
                if (!closing) {
                    throw e;
                } // a BYE that crossed the phone's close: a phone switched off answers nothing either
            }
            requests.add(in);
        }

        private void answerAtOnce(Incoming in, ServerTransaction st) {
            switch (in.request().getMethod()) {
                case Request.INVITE -> st.setApplicationData(in);
                case Request.CANCEL -> {
                    in.respond(Response.OK);
                    SIPServerTransaction invite = ((SIPServerTransaction) st).getCanceledInviteTransaction();
                    if (invite != null && invite.getApplicationData() instanceof Incoming ringing) {
                        ringing.cancel(); // 487, unless the test's answer got there first
                    } else if (invite != null && (invite.getState() == TransactionState.PROCEEDING
                            || invite.getState() == TransactionState.TRYING)) {
                        respond(invite, Response.REQUEST_TERMINATED);
                    }
                }
                case Request.BYE, Request.OPTIONS, Request.INFO -> in.respond(Response.OK);
                default -> {
                }
            }
        }

        private void respond(ServerTransaction st, int status) {
            try {
                Response resp = messages().createResponse(status, st.getRequest());
                Incoming.tag(resp, null);
                st.sendResponse(resp);
            } catch (ParseException | SipException | InvalidArgumentException e) {
                LOG.debug("phone {} could not answer {}", user, status, e);
            }
        }

        @Override
        public void processResponse(ResponseEvent event) {
            responses.add(event);
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
            timeouts.add(event);
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
            LOG.debug("phone {}: I/O error with {}:{}", user, event.getHost(), event.getPort());
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
            // nothing to do
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
            // nothing to do
        }
    }

    /** True once the phone saw a timeout of a transaction it started. */
    public boolean timedOut(ClientTransaction ct) {
        return !timeouts.pending(e -> e.getClientTransaction() == ct).isEmpty();
    }

    Optional<DigestChallenge> acceptChallenge(Response r) {
        return digest.accept(r);
    }

    /** A request inside {@code dialog}, with an optional body of {@code contentType} and more headers ({@code "Name: value"}). */
    Outgoing inDialog(Dialog dialog, String method, String contentType, String body, String... headers) {
        if (dialog == null) {
            throw new IllegalStateException(method + " needs a dialog");
        }
        try {
            Request r = dialog.createRequest(method);
            if (body != null) {
                String[] type = contentType.split("/", 2);
                r.setContent(body, headers().createContentTypeHeader(type[0], type[1]));
            }
            if (Request.INVITE.equals(method) || Request.UPDATE.equals(method)) {
                r.setHeader(contactHeader());
            }
            addHeaders(r, headers);
            ClientTransaction ct = provider().getNewClientTransaction(r);
            dialog.sendRequest(ct);
            return new Outgoing(this, ct);
        } catch (SipException | ParseException e) {
            throw new IllegalStateException("cannot send " + method + " in dialog", e);
        }
    }
}
