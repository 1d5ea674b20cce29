package gateway.sip.registrar;

import gateway.net.Addresses;
import gateway.sip.RequestSource;
import gateway.sip.SipIds;
import gateway.sip.SipResponder;
import gateway.sip.auth.AgentCredentials;
import gateway.sip.auth.AuthResult;
import gateway.sip.auth.SipAuthenticator;
import java.net.InetSocketAddress;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SupportedHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar (RFC 3261 section 10.3): digest-authenticated REGISTER, Expires bounds with
 * 423, refresh, removal by {@code Expires: 0} or {@code *}, several contacts per agent, lapse
 * on a timer ({@link #expire()}), NAT (a phone behind NAT is reached where its REGISTER came
 * from, see {@link ContactReach}) and Path (RFC 3327: stored, echoed, pre-loaded as the Route set).
 * Bindings are handed to a {@link BindingStore} as they change and {@link #restore restored} from
 * it at start-up. While push wake-ups are on, a Contact naming a push service (RFC 8599
 * {@code pn-provider}) is answered with {@code Feature-Caps: *;+sip.pns="<provider>"}: the app may
 * then sleep and count on being woken.
 */
public final class Registrar implements AgentLocator {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

    private final RegistrarSettings settings;
    private final SipAuthenticator auth;
    private final SipResponder responder;
    private final AddressFactory addresses;
    private final BindingTable table;
    private final LongSupplier clockMs;
    private final BooleanSupplier pushWakeUps;

    public Registrar(RegistrarSettings settings, SipAuthenticator auth, SipResponder responder,
                     AddressFactory addresses, RegistrationListener listener, LongSupplier clockMs) {
        this(settings, auth, responder, addresses, listener, BindingStore.NONE, clockMs, () -> false);
    }

    public Registrar(RegistrarSettings settings, SipAuthenticator auth, SipResponder responder,
                     AddressFactory addresses, RegistrationListener listener, BindingStore store, LongSupplier clockMs,
                     BooleanSupplier pushWakeUps) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.responder = Objects.requireNonNull(responder, "responder");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.table = new BindingTable(Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(store, "store"), settings.maxContactsPerAgent());
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
        this.pushWakeUps = Objects.requireNonNull(pushWakeUps, "pushWakeUps");
    }

    @Override
    public List<Binding> contactsOf(String agentId) {
        return table.contactsOf(agentId);
    }

    /** Registered contacts of every agent, for metrics. */
    public int contactCount() {
        return table.contactCount();
    }

    /** The binding behind NAT whose INVITEs go to {@code reachUri}, or null: where its dialogs must go too. */
    public Binding natBinding(String reachUri) {
        return table.natBinding(reachUri);
    }

    /**
     * Takes back the bindings of the last run, before any REGISTER is served: the lapsed ones are
     * dropped, and so are those reached over TCP behind NAT, whose connection ended with that run
     * (nobody can open one to a phone behind NAT; the phone registers again when it sees its
     * connection gone). Returns the bindings restored.
     */
    public int restore(List<Binding> saved) {
        long now = clockMs.getAsLong();
        Map<String, List<Binding>> byAgent = new TreeMap<>();
        int connectionLost = 0;
        for (Binding b : saved) {
            if (b.onPhonesConnection()) {
                connectionLost++;
            } else if (b.expiresAtMs() > now) {
                byAgent.computeIfAbsent(b.agentId(), a -> new ArrayList<>()).add(b);
            }
        }
        int restored = 0;
        for (Map.Entry<String, List<Binding>> e : byAgent.entrySet()) {
            restored += table.apply(e.getKey(), false, e.getValue(), now).size();
        }
        if (!saved.isEmpty()) {
            LOG.info("{} registration(s) of {} agent(s) restored; {} behind NAT over TCP not (their connections ended)",
                    restored, byAgent.size(), connectionLost);
        }
        return restored;
    }

    /** Where the REGISTERs of the current bindings came from (over TCP, the connections they came on). */
    public Set<InetSocketAddress> bindingSources() {
        return table.sources();
    }

    /** Drops lapsed bindings; the owner calls this on a timer. */
    public void expire() {
        table.expire(clockMs.getAsLong());
    }

    public void handle(ServerTransaction st, Request request, RequestSource source) {
        if (toUser(request) == null) {
            // an address of record must be a SIP URI with a user (RFC 3261 section 10.3 step 5)
            responder.reply(st, request, Response.BAD_REQUEST);
            return;
        }
        AuthResult result = auth.authenticate(request, source.ip());
        if (result instanceof AuthResult.Challenge c) {
            Response r = responder.create(request, Response.UNAUTHORIZED);
            auth.challenge(r, c);
            responder.send(st, request, r);
            return;
        }
        if (result instanceof AuthResult.Forbidden) {
            responder.reply(st, request, Response.FORBIDDEN);
            return;
        }
        AgentCredentials agent = ((AuthResult.Authenticated) result).agent();
        if (!agent.extension().equals(toUser(request))) {
            LOG.info("REGISTER from {}: user {} may not register {}", Addresses.of(source.address()), agent.extension(),
                    toUser(request));
            responder.reply(st, request, Response.FORBIDDEN);
            return;
        }
        register(st, request, source, agent);
    }

    private void register(ServerTransaction st, Request request, RequestSource source, AgentCredentials agent) {
        long now = clockMs.getAsLong();
        List<ContactHeader> contacts = contacts(request);
        ExpiresHeader expiresHeader = request.getExpires();
        boolean wildcard = contacts.stream().anyMatch(ContactHeader::isWildCard);
        if (wildcard && (contacts.size() != 1 || expiresHeader == null || expiresHeader.getExpires() != 0)) {
            responder.reply(st, request, Response.BAD_REQUEST);
            return;
        }
        String callId = SipIds.callId(request);
        long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
        List<Binding> updates = new ArrayList<>();
        if (!wildcard) {
            for (ContactHeader c : contacts) {
                int expires = c.getExpires() >= 0 ? c.getExpires()
                        : expiresHeader != null ? expiresHeader.getExpires() : settings.defaultExpires();
                if (expires > 0 && expires < settings.minExpires()) {
                    intervalTooBrief(st, request);
                    return;
                }
                expires = Math.min(expires, settings.maxExpires());
                ContactReach reach = ContactReach.of(c, request, source, agent.nat() != null ? agent.nat() : settings.nat());
                updates.add(new Binding(agent.agentId(), c.getAddress().getURI().toString(), reach.uri(),
                        reach.transport(), source.address(), now + expires * 1000L, callId, cseq, reach.path()));
                if (reach.sign() != ContactReach.NatSign.NONE) {
                    LOG.debug("agent {}: {} is reached at {} ({})", agent.agentId(), c.getAddress().getURI(),
                            reach.uri(), reach.sign());
                }
            }
        }
        List<Binding> before = table.contactsOf(agent.agentId());
        List<Binding> current = table.apply(agent.agentId(), wildcard, updates, now);
        logChange(agent.agentId(), source, before, current);
        ok(st, request, current, now);
    }

    private void intervalTooBrief(ServerTransaction st, Request request) {
        Response r = responder.create(request, Response.INTERVAL_TOO_BRIEF);
        try {
            r.addHeader(responder.headers().createMinExpiresHeader(settings.minExpires()));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("Min-Expires " + settings.minExpires(), e);
        }
        responder.send(st, request, r);
    }

    private void ok(ServerTransaction st, Request request, List<Binding> current, long now) {
        Response r = responder.create(request, Response.OK);
        HeaderFactory headers = responder.headers();
        try {
            for (Binding b : current) {
                Address a = addresses.createAddress(addresses.createURI(b.contact()));
                ContactHeader c = headers.createContactHeader(a);
                c.setExpires(b.expiresInSeconds(now));
                r.addHeader(c);
            }
            r.addHeader(headers.createDateHeader(Calendar.getInstance(TimeZone.getTimeZone("GMT"))));
            echoPath(request, r);
            offerPush(request, r);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("a stored contact no longer parses", e);
        }
        responder.send(st, request, r);
    }

    /** RFC 8599: the push services the REGISTER's Contacts name are ones we wake the phone through. */
    private void offerPush(Request request, Response r) throws ParseException {
        if (!pushWakeUps.getAsBoolean()) {
            return;
        }
        Set<String> providers = new TreeSet<>();
        for (ContactHeader c : contacts(request)) {
            PushTarget t = c.isWildCard() ? null : PushTarget.of(c.getAddress().getURI().toString());
            if (t != null && t.provider().matches("[A-Za-z0-9.+_-]+")) {
                providers.add(t.provider());
            }
        }
        for (String p : providers) {
            r.addHeader(responder.headers().createHeader("Feature-Caps", "*;+sip.pns=\"" + p + "\""));
        }
    }

    /** RFC 3327: the Path values go back in the 200, and {@code Supported: path} to a phone that has it. */
    private void echoPath(Request request, Response r) throws ParseException {
        ListIterator<?> path = request.getHeaders("Path");
        while (path != null && path.hasNext()) {
            r.addHeader((Header) ((Header) path.next()).clone());
        }
        ListIterator<?> supported = request.getHeaders(SupportedHeader.NAME);
        while (supported != null && supported.hasNext()) {
            if ("path".equalsIgnoreCase(((SupportedHeader) supported.next()).getOptionTag())) {
                r.addHeader(responder.headers().createSupportedHeader("path"));
                return;
            }
        }
    }

    /** Refreshes are routine; only a change of contacts or of the address they come from is worth the operator's eye. */
    private static void logChange(String agentId, RequestSource source, List<Binding> before, List<Binding> after) {
        String from = Addresses.of(source.address()) + " over " + source.transport();
        if (before.isEmpty() && !after.isEmpty()) {
            LOG.info("agent {} registered from {}: {} contact(s)", agentId, from, after.size());
        } else if (after.isEmpty() && !before.isEmpty()) {
            LOG.info("agent {} unregistered from {}: no contact left", agentId, from);
        } else if (!contactsAndSources(before).equals(contactsAndSources(after))) {
            String was = before.stream().map(b -> Addresses.of(b.source())).distinct().collect(Collectors.joining(", "));
            LOG.info("agent {} REGISTER from {}: now {} contact(s) (before: {} from {})", agentId, from, after.size(),
                    before.size(), was);
        }
    }

    private static Map<String, InetSocketAddress> contactsAndSources(List<Binding> bindings) {
        return bindings.stream().collect(Collectors.toMap(Binding::contact, Binding::source, (a, b) -> b));
    }

    private static List<ContactHeader> contacts(Request request) {
        List<ContactHeader> list = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(ContactHeader.NAME);
        while (it != null && it.hasNext()) {
            list.add((ContactHeader) it.next());
        }
        return list;
    }

    private static String toUser(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        URI uri = to.getAddress().getURI();
        return uri instanceof SipURI sip ? sip.getUser() : null;
    }
}
