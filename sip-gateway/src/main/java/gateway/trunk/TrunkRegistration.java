package gateway.trunk;

import gateway.leg.StateMachine;
import gateway.sip.Resender;
import gateway.sip.SipOutbound;
import gateway.sip.auth.ClientDigest;
import java.util.ListIterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server registered at one trunk: REGISTER (answering the carrier's challenge), refresh
 * before the granted time runs out, retry with a growing back-off after a failure, and a REGISTER
 * with Expires 0 when the trunk goes away. One Call-ID for its whole life, CSeq counting up.
 * Runs on the registrations' own thread: every method, response and timer is called there.
 */
final class TrunkRegistration {
    private static final Logger log = LoggerFactory.getLogger(TrunkRegistration.class);

    /** Hears each state change, to publish it. */
    interface Listener {
        void changed(TrunkRegistration registration, TrunkStatus status);
    }

    private final RegistrationSpec spec;
    private final SipOutbound sip;
    private final ScheduledExecutorService thread;
    private final TrunkRegistrations.Backoff backoff;
    private final Listener listener;
    private final String callId = SipOutbound.newCallId();
    private final String fromTag = SipOutbound.newTag();
    private final StateMachine<RegistrationState> machine;
    private final CompletableFuture<Void> removed = new CompletableFuture<>();
    private long cseq;
    private int askSeconds;
    private long backoffMs;
    /** The live REGISTER: responses to any other are stale and ignored. */
    private ClientTransaction current;
    private ClientDigest digest = ClientDigest.none();
    private ScheduledFuture<?> timer;

    TrunkRegistration(RegistrationSpec spec, SipOutbound sip, ScheduledExecutorService thread,
                      TrunkRegistrations.Backoff backoff, Listener listener) {
        this.spec = spec;
        this.sip = sip;
        this.thread = thread;
        this.backoff = backoff;
        this.listener = listener;
        this.askSeconds = (int) Math.max(1, spec.expiry().toSeconds());
        this.backoffMs = backoff.firstMs();
        this.machine = new StateMachine<>(log, "trunk " + spec.trunkId() + " registration", RegistrationState.UNREGISTERED,
                // no entry actions: state() logs and publishes, since only it knows the reason
                new StateMachine.Actions<>() {
                });
    }

    String callId() {
        return callId;
    }

    RegistrationSpec spec() {
        return spec;
    }

    RegistrationState state() {
        return machine.state();
    }

    private void state(RegistrationState next, String why) {
        RegistrationState from = machine.state();
        machine.go(next, why);
        String line = "trunk {} registration as {}@{}: {} -> {} ({})";
        if (next == RegistrationState.FAILED) {
            log.warn(line, spec.trunkId(), spec.username(), spec.domain(), from, next, why);
        } else {
            log.info(line, spec.trunkId(), spec.username(), spec.domain(), from, next, why);
        }
        listener.changed(this, new TrunkStatus(spec.trunkId(), next, why));
    }

    void start() {
        register("started");
    }

    private void register(String why) {
        timer = null;
        state(RegistrationState.REGISTERING, why);
        send(askSeconds);
    }

    private void send(int expires) {
        if (spec.route().address().isUnresolved()) {
            finalAnswer(null, spec.route().address().getHostString() + " does not resolve");
            return;
        }
        digest = spec.route().digest();
        current = sip.register(spec.route().address(), spec.route().transport(), spec.username(), spec.domain(), callId,
                fromTag, ++cseq, expires);
        if (current == null) {
            finalAnswer(null, "REGISTER could not be sent to " + spec.route().address());
        }
    }

    void onResponse(ResponseEvent event) {
        Response r = event.getResponse();
        int status = r.getStatusCode();
        if (event.getClientTransaction() != current || status < 200) {
            return;
        }
        cseq = Math.max(cseq, ((CSeqHeader) r.getHeader(CSeqHeader.NAME)).getSeqNumber());
        if (ClientDigest.isChallenge(status)) {
            Resender.Resend resend = sip.resender().authenticate(current, r, digest);
            if (resend.sent()) {
                current = resend.transaction();
                cseq++;
                return;
            }
            finalAnswer(r, resend.failure());
            return;
        }
        MinExpiresHeader min = (MinExpiresHeader) r.getHeader(MinExpiresHeader.NAME);
        if (status == Response.INTERVAL_TOO_BRIEF && min != null && min.getExpires() > askSeconds
                && state() == RegistrationState.REGISTERING) {
            askSeconds = min.getExpires();
            send(askSeconds);
            return;
        }
        finalAnswer(r, status + " " + r.getReasonPhrase());
    }

    void onTimeout(ClientTransaction ct) {
        if (ct == current) {
            finalAnswer(null, "no answer from " + spec.route().address());
        }
    }

    /** The REGISTER is over: {@code r} is its final response, null when none came. */
    private void finalAnswer(Response r, String why) {
        current = null;
        if (state() == RegistrationState.UNREGISTERING) {
            state(RegistrationState.UNREGISTERED, "binding removed: " + why);
            removed.complete(null);
            return;
        }
        int granted = r != null && r.getStatusCode() / 100 == 2 ? granted(r) : 0;
        if (granted > 0) {
            backoffMs = backoff.firstMs();
            state(RegistrationState.REGISTERED, "granted " + granted + " s");
            // refresh at half the time when it is short, a minute early when it is long
            long refreshS = granted > 120 ? granted - 60 : Math.max(1, granted / 2);
            timer = thread.schedule(() -> register("refresh"), refreshS, TimeUnit.SECONDS);
            return;
        }
        long delayMs = retryAfterMs(r);
        if (delayMs < 0) {
            delayMs = backoffMs;
            backoffMs = Math.min(backoff.maxMs(), backoffMs * 2);
        }
        String reason = r != null && r.getStatusCode() / 100 == 2 ? "the registrar granted no time" : why;
        state(RegistrationState.FAILED, reason + "; retrying in " + delayMs / 1000 + " s");
        timer = thread.schedule(() -> register("retry"), delayMs, TimeUnit.MILLISECONDS);
    }

    /** The registrar's time for our binding: our Contact's expires, else the Expires header; 0 for none. */
    private int granted(Response r) {
        ListIterator<?> contacts = r.getHeaders(ContactHeader.NAME);
        while (contacts != null && contacts.hasNext()) {
            ContactHeader c = (ContactHeader) contacts.next();
            if (c.getAddress().getURI() instanceof SipURI uri && spec.username().equals(uri.getUser())
                    && sip.advertisedHost().equals(uri.getHost()) && c.getExpires() >= 0) {
                return c.getExpires();
            }
        }
        ExpiresHeader expires = r.getExpires();
        return expires != null ? expires.getExpires() : 0;
    }

    private static long retryAfterMs(Response r) {
        RetryAfterHeader h = r == null ? null : (RetryAfterHeader) r.getHeader(RetryAfterHeader.NAME);
        return h == null ? -1 : h.getRetryAfter() * 1000L;
    }

    /**
     * The trunk goes away: un-REGISTER when a binding may exist. The returned future completes once
     * no binding of ours is left at the carrier (or we gave up on removing it).
     */
    CompletableFuture<Void> stop(String why) {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        switch (state()) {
            case REGISTERING, REGISTERED -> {
                state(RegistrationState.UNREGISTERING, why);
                send(0);
            }
            case FAILED -> {
                state(RegistrationState.UNREGISTERED, why);
                removed.complete(null);
            }
            default -> removed.complete(null);
        }
        return removed;
    }
}
