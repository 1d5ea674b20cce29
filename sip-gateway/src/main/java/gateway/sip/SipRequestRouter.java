package gateway.sip;

import gateway.sip.admission.TrunkSources;
import gateway.sip.auth.AuthResult;
import gateway.sip.auth.SipAuthenticator;
import gateway.sip.registrar.Registrar;
import gateway.sip.stack.StrictMsgParser;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionState;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.AcceptHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's UAS front door, running on the call's executor (see {@link PerCallDispatcher}):
 * REGISTER to the registrar, OPTIONS answered, CANCEL answered 200 + 487, new INVITEs admitted
 * (trunk by source address, agent phone by digest, 503 when overloaded) and handed to the
 * {@link InviteHandler}, in-dialog requests to the handler, anything else 501.
 */
public final class SipRequestRouter implements SipListener {
    private static final Logger LOG = LoggerFactory.getLogger(SipRequestRouter.class);
    /** What this gateway implements; sent in Allow. */
    public static final List<String> ALLOW = List.of(Request.INVITE, Request.ACK, Request.CANCEL, Request.BYE,
            Request.OPTIONS, Request.REGISTER, Request.INFO, Request.UPDATE);
    private static final Set<String> IN_DIALOG = Set.of(Request.BYE, Request.INVITE, Request.INFO, Request.ACK,
            Request.UPDATE);

    private final SipResponder responder;
    private final Registrar registrar;
    private final SipAuthenticator auth;
    private final Supplier<TrunkSources> trunks;
    private final OverloadGuard overload;
    private final InviteHandler handler;

    public SipRequestRouter(SipResponder responder, Registrar registrar, SipAuthenticator auth, Supplier<TrunkSources> trunks,
                            OverloadGuard overload, InviteHandler handler) {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.trunks = Objects.requireNonNull(trunks, "trunks");
        this.overload = Objects.requireNonNull(overload, "overload");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        String method = request.getMethod();
        if (Request.ACK.equals(method)) {
            if (hasToTag(request)) {
                responder.confirmAck(event);
                handler.onInDialogRequest(event, null);
            }
            return;
        }
        if (malformed(event)) {
            return;
        }
        if (Request.CANCEL.equals(method)) {
            cancel(event);
            return;
        }
        if (hasToTag(request) && IN_DIALOG.contains(method)) {
            inDialog(event);
            return;
        }
        if (Request.INVITE.equals(method) && overload.overloaded()) {
            shed(request);
            return;
        }
        ServerTransaction st = responder.transaction(event);
        if (st == null) {
            return;
        }
        if (unsupportedScheme(st, request) || unsupportedExtension(st, request)) {
            return;
        }
        switch (method) {
            case Request.REGISTER -> registrar.handle(st, request, RequestSource.of(request));
            case Request.OPTIONS -> options(st, request);
            case Request.INVITE -> admit(st, request);
            case Request.BYE, Request.INFO, Request.UPDATE ->
                    responder.reply(st, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            default -> notImplemented(st, request);
        }
    }

    /** RFC 4475 says reject, though the stack parsed it (see {@link StrictMsgParser}): 400 with what is wrong. */
    private boolean malformed(RequestEvent event) {
        StrictMsgParser.Violation violation = StrictMsgParser.violation(event.getRequest());
        if (violation == null) {
            return false;
        }
        ServerTransaction st = responder.transaction(event);
        if (st != null) {
            Response r = responder.create(event.getRequest(), Response.BAD_REQUEST);
            try {
                r.setReasonPhrase(violation.reasonPhrase());
            } catch (ParseException e) {
                LOG.debug("reason phrase {}", violation.reasonPhrase(), e);
            }
            responder.send(st, event.getRequest(), r);
        }
        return true;
    }

    private void inDialog(RequestEvent event) {
        ServerTransaction st = responder.transaction(event);
        if (st == null) {
            return;
        }
        if (!handler.onInDialogRequest(event, st)) {
            responder.reply(st, event.getRequest(), Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        }
    }

    private void admit(ServerTransaction st, Request request) {
        RequestSource source = RequestSource.of(request);
        OfferBody offer = OfferBody.of(request);
        if (!acceptableMedia(st, request, offer)) {
            return;
        }
        Optional<String> trunk = trunks.get().trunkOf(source.ip());
        if (trunk.isPresent()) {
            handler.onInvite(new AdmittedInvite(st, request, offer, source, Caller.trunk(trunk.get())));
            return;
        }
        AuthResult result = auth.authenticate(request, source.ip());
        if (result instanceof AuthResult.Authenticated a) {
            handler.onInvite(new AdmittedInvite(st, request, offer, source, Caller.agent(a.agent().agentId())));
        } else if (result instanceof AuthResult.Challenge c) {
            Response r = responder.create(request, Response.UNAUTHORIZED);
            auth.challenge(r, c);
            responder.send(st, request, r);
        } else {
            responder.reply(st, request, Response.FORBIDDEN);
        }
    }

    /**
     * The B2BUA speaks SDP only, plain or as a part of a multipart body: another body gets 415
     * with Accept (RFC 3261 section 8.2.3), an Accept without SDP gets 406. No body is a delayed
     * offer.
     */
    private boolean acceptableMedia(ServerTransaction st, Request request, OfferBody body) {
        if (body.kind() == OfferBody.Kind.UNUSABLE) {
            LOG.info("INVITE {} from {}: {}, answered 415", SipIds.callId(request), RequestSource.of(request).address(),
                    body.why());
            Response r = responder.create(request, Response.UNSUPPORTED_MEDIA_TYPE);
            for (String accepted : OfferBody.ACCEPT.split(",\\s*")) {
                addHeader(r, "Accept", accepted);
            }
            responder.send(st, request, r);
            return false;
        }
        ListIterator<?> accepts = request.getHeaders(AcceptHeader.NAME);
        boolean anyAccept = false;
        while (accepts != null && accepts.hasNext()) {
            AcceptHeader a = (AcceptHeader) accepts.next();
            anyAccept = true;
            if (isSdp(a.getContentType(), a.getContentSubType())) {
                return true;
            }
        }
        if (anyAccept) {
            responder.reply(st, request, Response.NOT_ACCEPTABLE);
            return false;
        }
        return true;
    }

    private static boolean isSdp(String type, String subType) {
        boolean anyType = "*".equals(type);
        return (anyType || "application".equalsIgnoreCase(type)) && ("*".equals(subType) || "sdp".equalsIgnoreCase(subType));
    }

    private void cancel(RequestEvent event) {
        Request cancel = event.getRequest();
        ServerTransaction st = responder.transaction(event);
        if (st == null) {
            return;
        }
        SIPServerTransaction invite = ((SIPServerTransaction) st).getCanceledInviteTransaction();
        if (invite == null) {
            responder.reply(st, cancel, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        responder.reply(st, cancel, Response.OK);
        TransactionState state = invite.getState();
        if (state == TransactionState.TRYING || state == TransactionState.PROCEEDING) {
            responder.send(invite, invite.getRequest(), responder.create(invite.getRequest(), Response.REQUEST_TERMINATED));
            handler.onCancelled(invite);
        }
    }

    private void options(ServerTransaction st, Request request) {
        Response r = responder.create(request, Response.OK);
        responder.advertise(r);
        addHeader(r, "Accept", "application/sdp");
        responder.send(st, request, r);
    }

    private void notImplemented(ServerTransaction st, Request request) {
        Response r = responder.create(request, Response.NOT_IMPLEMENTED);
        responder.allow(r);
        responder.send(st, request, r);
    }

    /** Only SIP URIs lead anywhere here (RFC 3261 section 8.2.2.1: 416). */
    private boolean unsupportedScheme(ServerTransaction st, Request request) {
        if (request.getRequestURI().isSipURI()) {
            return false;
        }
        responder.reply(st, request, Response.UNSUPPORTED_URI_SCHEME);
        return true;
    }

    /** Only {@code timer} is supported: any other Require gets 420 with Unsupported listing it (RFC 3261 8.2.2.3). */
    private boolean unsupportedExtension(ServerTransaction st, Request request) {
        List<String> unknown = new java.util.ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RequireHeader.NAME); it != null && it.hasNext(); ) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (!SipResponder.SUPPORTED.equalsIgnoreCase(tag)) {
                unknown.add(tag);
            }
        }
        if (unknown.isEmpty()) {
            return false;
        }
        Response r = responder.create(request, Response.BAD_EXTENSION);
        HeaderFactory headers = responder.headers();
        try {
            for (String tag : unknown) {
                r.addHeader(headers.createUnsupportedHeader(tag));
            }
        } catch (ParseException e) {
            LOG.debug("Require option tag does not fit Unsupported", e);
        }
        responder.send(st, request, r);
        return true;
    }

    private void shed(Request request) {
        Response r = responder.create(request, Response.SERVICE_UNAVAILABLE);
        try {
            r.addHeader(responder.headers().createRetryAfterHeader(overload.retryAfterSeconds()));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("Retry-After " + overload.retryAfterSeconds(), e);
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("overloaded: INVITE from {} answered 503", RequestSource.of(request).address());
        }
        responder.send(null, request, r);
    }

    private void addHeader(Response r, String name, String value) {
        try {
            r.addHeader(responder.headers().createHeader(name, value));
        } catch (ParseException e) {
            throw new IllegalStateException(name + ": " + value, e);
        }
    }

    private static boolean hasToTag(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        handler.onResponse(event);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        handler.onTimeout(event);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debug("SIP I/O error with {}:{} over {}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // Transactions end by themselves; nothing of ours hangs on them.
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        handler.onDialogTerminated(event);
    }
}
