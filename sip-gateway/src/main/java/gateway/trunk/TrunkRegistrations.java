package gateway.trunk;

import gateway.sip.AdmittedInvite;
import gateway.sip.InviteHandler;
import gateway.sip.SipIds;
import gateway.sip.SipOutbound;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.TimeoutEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's registrations at the trunks that ask for one ({@code register: true}), on a thread
 * of their own so that no call loop waits on a registrar: applied from each (re)loaded config,
 * un-REGISTERed on shutdown. Their SIP responses and timeouts are routed here by Call-ID.
 */
public final class TrunkRegistrations implements AutoCloseable, TrunkRegistration.Listener {
    private static final Logger log = LoggerFactory.getLogger(TrunkRegistrations.class);
    /** How long a shutdown waits for the carriers to confirm the un-REGISTERs. */
    private static final Duration UNREGISTER_WAIT = Duration.ofSeconds(2);

    /** Delay before retrying a failed REGISTER: {@code firstMs}, doubling up to {@code maxMs}. */
    public record Backoff(long firstMs, long maxMs) {
        public static final Backoff STANDARD = new Backoff(30_000, 600_000);
    }

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "trunk-register");
        t.setDaemon(true);
        return t;
    });
    private final Backoff backoff;
    /** Trunk id -> its registration; only touched on {@link #thread}. */
    private final Map<String, TrunkRegistration> byTrunk = new HashMap<>();
    /** Call-ID -> registration, read by the SIP stack's dispatcher to route responses here. */
    private final Map<String, TrunkRegistration> byCallId = new ConcurrentHashMap<>();
    private final Map<String, TrunkStatus> statuses = new ConcurrentHashMap<>();
    private volatile SipOutbound sip;

    public TrunkRegistrations(Backoff backoff) {
        this.backoff = backoff;
    }

    /** Connects to the started SIP stack; specs applied before wait for it. */
    public void attach(SipOutbound outbound) {
        this.sip = outbound;
    }

    /** Registers the trunks in {@code specs}, un-registers those no longer there, re-registers the changed. */
    public void apply(List<RegistrationSpec> specs) {
        try {
            thread.execute(() -> applyNow(specs));
        } catch (RejectedExecutionException e) {
            log.debug("trunk registrations are closed: {} specs not applied", specs.size());
        }
    }

    private void applyNow(List<RegistrationSpec> specs) {
        Map<String, RegistrationSpec> wanted = new HashMap<>();
        specs.forEach(s -> wanted.put(s.trunkId(), s));
        for (TrunkRegistration r : List.copyOf(byTrunk.values())) {
            RegistrationSpec next = wanted.get(r.spec().trunkId());
            if (!r.spec().equals(next)) {
                byTrunk.remove(r.spec().trunkId());
                statuses.remove(r.spec().trunkId());
                r.stop(next == null ? "the trunk no longer registers" : "the trunk changed").thenRun(() -> forget(r));
            }
        }
        for (RegistrationSpec s : wanted.values()) {
            if (!byTrunk.containsKey(s.trunkId())) {
                TrunkRegistration r = new TrunkRegistration(s, sip, thread, backoff, this);
                byTrunk.put(s.trunkId(), r);
                byCallId.put(r.callId(), r);
                r.start();
            }
        }
    }

    private void forget(TrunkRegistration r) {
        byCallId.remove(r.callId(), r);
    }

    @Override
    public void changed(TrunkRegistration registration, TrunkStatus status) {
        if (byTrunk.get(status.trunkId()) == registration) {
            statuses.put(status.trunkId(), status);
        }
    }

    /** Every registering trunk's state now; safe from any thread. */
    public List<TrunkStatus> statuses() {
        List<TrunkStatus> list = new ArrayList<>(statuses.values());
        list.sort((a, b) -> a.trunkId().compareTo(b.trunkId()));
        return list;
    }

    /** Whether {@code callId} is one of our REGISTERs'. */
    public boolean owns(String callId) {
        return byCallId.containsKey(callId);
    }

    /** Where our SIP events run. */
    public Executor executor() {
        return thread;
    }

    /**
     * The SIP handler that takes our REGISTERs' responses and timeouts and passes everything else
     * to {@code calls}. Runs on the executor the dispatcher picked: {@link #executor()} for ours.
     */
    public InviteHandler before(InviteHandler calls) {
        return new InviteHandler() {
            @Override
            public void onInvite(AdmittedInvite invite) {
                calls.onInvite(invite);
            }

            @Override
            public void onCancelled(ServerTransaction invite) {
                calls.onCancelled(invite);
            }

            @Override
            public boolean onInDialogRequest(RequestEvent event, ServerTransaction transaction) {
                return calls.onInDialogRequest(event, transaction);
            }

            @Override
            public void onResponse(ResponseEvent event) {
                TrunkRegistration r = byCallId.get(SipIds.callId(event.getResponse()));
                if (r != null) {
                    r.onResponse(event);
                } else {
                    calls.onResponse(event);
                }
            }

            @Override
            public void onTimeout(TimeoutEvent event) {
                ClientTransaction ct = event.getClientTransaction();
                TrunkRegistration r = byCallId.get(SipIds.callId(ct));
                if (r != null) {
                    r.onTimeout(ct);
                } else {
                    calls.onTimeout(event);
                }
            }

            @Override
            public void onDialogTerminated(DialogTerminatedEvent event) {
                calls.onDialogTerminated(event);
            }
        };
    }

    /** Un-REGISTERs every trunk, waits a little for the carriers to confirm, and stops the thread. */
    @Override
    public void close() {
        CompletableFuture<Void> all;
        try {
            all = CompletableFuture.supplyAsync(() -> CompletableFuture.allOf(byTrunk.values().stream()
                    .map(r -> r.stop("the server is stopping")).toArray(CompletableFuture[]::new)), thread).get();
            all.get(UNREGISTER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.info("trunk un-REGISTERs not all confirmed within {} ms", UNREGISTER_WAIT.toMillis());
        } finally {
            thread.shutdownNow();
        }
    }
}
