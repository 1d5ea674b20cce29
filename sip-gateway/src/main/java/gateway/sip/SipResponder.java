package gateway.sip;

import gov.nist.javax.sip.stack.SIPDialog;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.text.ParseException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import ops.metrics.GatewayMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds and sends responses for a UAS; the one place that creates server transactions. */
public final class SipResponder {
    private static final Logger LOG = LoggerFactory.getLogger(SipResponder.class);
    /** The option tags we implement, for Supported: session timers (RFC 4028). */
    public static final String SUPPORTED = "timer";

    private final GatewayMeters meters;
    private final SipProvider provider;
    private final MessageFactory messages;
    private final HeaderFactory headers;

    public SipResponder(SipProvider provider, MessageFactory messages, HeaderFactory headers) {
        this(provider, messages, headers, GatewayMeters.NONE);
    }

    /** @param meters counts each response sent */
    public SipResponder(SipProvider provider, MessageFactory messages, HeaderFactory headers, GatewayMeters meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    public HeaderFactory headers() {
        return headers;
    }

    public MessageFactory messages() {
        return messages;
    }

    /**
     * The event's server transaction, created if the stack did not. Null when the request is a
     * retransmission that an existing transaction absorbs, or cannot carry a transaction (say,
     * it lacks Max-Forwards); the latter is answered 400 statelessly.
     */
    public ServerTransaction transaction(RequestEvent event) {
        ServerTransaction st = event.getServerTransaction();
        if (st != null) {
            return st;
        }
        Request request = event.getRequest();
        try {
            return provider.getNewServerTransaction(request);
        } catch (TransactionAlreadyExistsException e) {
            return null;
        } catch (SipException | RuntimeException e) {
            LOG.debug("no server transaction for {}: {}", request.getMethod(), e.toString());
            Response r = create(request, Response.BAD_REQUEST);
            try {
                r.setReasonPhrase(reason(e));
            } catch (ParseException ignored) {
                // keep the standard phrase
            }
            send(null, request, r);
            return null;
        }
    }

    private static String reason(Exception e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? "Bad Request" : t.getMessage();
        return m.replaceAll("[^\\x20-\\x7e]", "?");
    }

    /** A response to {@code request}, with a To tag added when the request had none. */
    public Response create(Request request, int status) {
        try {
            Response r = messages.createResponse(status, request);
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (status > 100 && to != null && to.getTag() == null) {
                to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong()));
            }
            return r;
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot answer " + request.getMethod() + " with " + status, e);
        }
    }

    /** Sends {@code response} on {@code st}, or statelessly when {@code st} is null. */
    public void send(ServerTransaction st, Request request, Response response) {
        try {
            if (st != null) {
                st.sendResponse(response);
            } else {
                provider.sendResponse(response);
            }
            meters.sipResponseSent(response.getStatusCode());
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not send {} to {}: {}", response.getStatusCode(), request.getMethod(), e.toString());
        }
    }

    /**
     * Adds what we can do to {@code r}: an Allow header per method we implement
     * ({@link SipRequestRouter#ALLOW}) and {@code Supported: timer} (RFC 4028 session timers, our
     * only option tag). Goes on every 2xx to an INVITE or UPDATE, on the 200 to OPTIONS, and on
     * the INVITEs and UPDATEs we send.
     */
    public void advertise(Message r) {
        allow(r);
        try {
            r.addHeader(headers.createSupportedHeader(SUPPORTED));
        } catch (ParseException e) {
            throw new IllegalStateException("Supported", e);
        }
    }

    /** Adds an Allow header per method we implement ({@link SipRequestRouter#ALLOW}), as a 501 needs. */
    public void allow(Message r) {
        try {
            for (String method : SipRequestRouter.ALLOW) {
                r.addHeader(headers.createAllowHeader(method));
            }
        } catch (ParseException e) {
            throw new IllegalStateException("Allow", e);
        }
    }

    /**
     * Records {@code ack}, an ACK to one of our 2xx, with the stack's dialog, which then stops
     * retransmitting that 2xx. Jain-SIP RI 1.3 passes a 2xx to the transport before it starts the
     * dialog timer that retransmits it; an ACK the stack takes in between finds no timer
     * ({@code SIPDialog.getInviteTransaction()} is null), is not recorded, and the timer resends the
     * ACKed 2xx from T1 on. The ACK reaches us on the call's executor, behind the send that
     * answered it, so the timer is running by now and the dialog's own ACK handling stops it.
     */
    public void confirmAck(RequestEvent ack) {
        if (ack.getDialog() instanceof SIPDialog dialog && ack.getServerTransaction() instanceof SIPServerTransaction tx) {
            try {
                dialog.handleAck(tx);
            } catch (RuntimeException e) {
                // The RI's timer task can still be being armed on the thread that sent the 2xx
                // (its cancel then throws): the 2xx goes again and the caller's next ACK stops it.
                LOG.debug("ACK {} not yet recorded with its dialog: {}", tx.getBranchId(), e.toString());
            }
        }
    }

    /** Creates and sends a plain response with status {@code status}. */
    public void reply(ServerTransaction st, Request request, int status) {
        send(st, request, create(request, status));
    }
}
