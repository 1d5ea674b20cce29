package gateway.sip;

import gateway.sip.admission.TrunkSources;
import gateway.sip.auth.AgentDirectory;
import gateway.sip.auth.DigestAuthenticator;
import gateway.sip.auth.FailureLimiter;
import gateway.sip.auth.SipAuthenticator;
import gateway.sip.registrar.AgentLocator;
import gateway.sip.registrar.Binding;
import gateway.sip.registrar.BindingStore;
import gateway.sip.registrar.Registrar;
import gateway.sip.registrar.RegistrarSettings;
import gateway.sip.registrar.RegistrationListener;
import gateway.sip.stack.NatRouter;
import gateway.sip.stack.SipStackHost;
import gateway.sip.stack.SipStackSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.sip.SipException;
import ops.metrics.GatewayMeters;

/**
 * The SIP side of the gateway, assembled and running: the stack on UDP and TCP, the per-call
 * dispatcher, the registrar with its expiry timer, digest auth with its failure limit, INVITE
 * admission and the overload guard. Build with {@link #builder}, stop with {@link #close}.
 */
public final class SipServer implements AutoCloseable {
    private final SipStackHost host;
    private final Registrar registrar;
    private final ScheduledExecutorService expiry;

    private SipServer(SipStackHost host, Registrar registrar, ScheduledExecutorService expiry) {
        this.host = host;
        this.registrar = registrar;
        this.expiry = expiry;
    }

    public static Builder builder(SipStackSettings stack, String realm) {
        return new Builder(stack, realm);
    }

    /** The bound port (UDP and TCP). */
    public int port() {
        return host.port();
    }

    public SipStackHost host() {
        return host;
    }

    /** The contacts to ring per agent. */
    /** Registered contacts of every agent, for metrics. */
    public int registrations() {
        return registrar.contactCount();
    }

    public AgentLocator locator() {
        return registrar;
    }

    @Override
    public void close() {
        expiry.shutdownNow();
        host.close();
    }

    /** The registrar's bindings behind NAT as the router's targets: their dialogs go where their INVITEs went. */
    private static Function<String, NatRouter.NatHop> natHops(Registrar registrar) {
        return reachUri -> {
            Binding b = registrar.natBinding(reachUri);
            return b == null ? null : new NatRouter.NatHop(b.source(), b.transport());
        };
    }

    public static final class Builder {
        private final SipStackSettings stack;
        private final String realm;
        private AgentDirectory agents = user -> Optional.empty();
        private Supplier<TrunkSources> trunks = TrunkSources::none;
        private InviteHandler inviteHandler;
        private RegistrationListener registrationListener = (agent, reachable) -> { };
        private Function<String, Executor> executorForCallId;
        private RegistrarSettings registrarSettings = RegistrarSettings.standard();
        private BindingStore bindingStore = BindingStore.NONE;
        private BooleanSupplier pushWakeUps = () -> false;
        private List<Binding> restored = List.of();
        private DigestAuthenticator digest;
        private FailureLimiter limiter = FailureLimiter.standard();
        private int maxInFlight = 5_000;
        private IntSupplier load;
        private int retryAfterSeconds = 5;
        private Duration expiryPeriod = Duration.ofSeconds(1);
        private LongSupplier clockMs = System::currentTimeMillis;

        private GatewayMeters meters = GatewayMeters.NONE;

        private Builder(SipStackSettings stack, String realm) {
            this.stack = Objects.requireNonNull(stack, "stack");
            this.realm = Objects.requireNonNull(realm, "realm");
        }

        public Builder agents(AgentDirectory value) {
            this.agents = Objects.requireNonNull(value);
            return this;
        }

        public Builder trunks(TrunkSources value) {
            Objects.requireNonNull(value);
            this.trunks = () -> value;
            return this;
        }

        /** Trunk sources read at every INVITE, so a config reload can change them. */
        public Builder trunks(Supplier<TrunkSources> value) {
            this.trunks = Objects.requireNonNull(value);
            return this;
        }

        public Builder inviteHandler(InviteHandler value) {
            this.inviteHandler = Objects.requireNonNull(value);
            return this;
        }

        public Builder registrationListener(RegistrationListener value) {
            this.registrationListener = Objects.requireNonNull(value);
            return this;
        }

        /** The executor owning each Call-ID's events (in production the call's Netty event loop). */
        public Builder executorForCallId(Function<String, Executor> value) {
            this.executorForCallId = Objects.requireNonNull(value);
            return this;
        }

        public Builder registrar(RegistrarSettings value) {
            this.registrarSettings = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Where the registrar saves its bindings, and what it saved in the last run: restored
         * before the first REGISTER is served.
         */
        /** Whether phones registering with RFC 8599 pn-* parameters are told they will be woken. */
        public Builder pushWakeUps(BooleanSupplier value) {
            pushWakeUps = value;
            return this;
        }

        public Builder bindings(BindingStore store, List<Binding> lastRun) {
            this.bindingStore = Objects.requireNonNull(store, "store");
            this.restored = List.copyOf(lastRun);
            return this;
        }

        /** Replaces the standard authenticator (MD5, five-minute nonces) for {@code realm}. */
        public Builder digest(DigestAuthenticator value) {
            this.digest = Objects.requireNonNull(value);
            return this;
        }

        public Builder failureLimiter(FailureLimiter value) {
            this.limiter = Objects.requireNonNull(value);
            return this;
        }

        /**
         * New INVITEs get 503 + Retry-After while {@code load} is at least {@code limit}. With a
         * null supplier the load is the stack's server transaction count, which includes finished
         * REGISTER and OPTIONS transactions for their 32 s linger; the call logic can pass its
         * count of calls in flight instead. Default: 5,000 server transactions, Retry-After 5 s.
         */
        public Builder overload(int limit, IntSupplier loadSupplier, int retryAfter) {
            this.maxInFlight = limit;
            this.load = loadSupplier;
            this.retryAfterSeconds = retryAfter;
            return this;
        }

        public Builder expiryPeriod(Duration value) {
            this.expiryPeriod = Objects.requireNonNull(value);
            return this;
        }

        /** Counts SIP requests and responses in and out. */
        public Builder meters(GatewayMeters value) {
            meters = Objects.requireNonNull(value, "meters");
            return this;
        }

        public Builder clock(LongSupplier value) {
            this.clockMs = Objects.requireNonNull(value);
            return this;
        }

        public SipServer start() throws SipException {
            Objects.requireNonNull(inviteHandler, "inviteHandler");
            Objects.requireNonNull(executorForCallId, "executorForCallId");
            DigestAuthenticator digestAuth = digest != null ? digest : DigestAuthenticator.standard(realm);
            if (!digestAuth.realm().equals(realm)) {
                throw new IllegalArgumentException("digest realm=" + digestAuth.realm() + " must equal realm=" + realm);
            }
            Registrar[] registrar = new Registrar[1];
            SipStackHost host = SipStackHost.start(stack, h -> {
                SipResponder responder = new SipResponder(h.provider(), h.messageFactory(), h.headerFactory(), meters);
                SipAuthenticator auth = new SipAuthenticator(digestAuth, agents, limiter, h.headerFactory());
                registrar[0] = new Registrar(registrarSettings, auth, responder, h.addressFactory(),
                        registrationListener, bindingStore, clockMs, pushWakeUps);
                registrar[0].restore(restored);
                h.router().natTargets(natHops(registrar[0]));
                IntSupplier loadNow = load != null ? load : h::serverTransactions;
                OverloadGuard guard = new OverloadGuard(maxInFlight, loadNow, retryAfterSeconds);
                return new PerCallDispatcher(executorForCallId,
                        new SipRequestRouter(responder, registrar[0], auth, trunks, guard, inviteHandler), meters);
            });
            ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sip-registrar-expiry-" + stack.name());
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(1, expiryPeriod.toMillis());
            expiry.scheduleWithFixedDelay(registrar[0]::expire, period, period, TimeUnit.MILLISECONDS);
            host.tcp().keepRegistered(registrar[0]::bindingSources);
            return new SipServer(host, registrar[0], expiry);
        }
    }
}
