package gateway.sip.registrar;

import gateway.net.Addresses;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every agent's current bindings. Each agent's list is replaced atomically (copy on write), so
 * readers such as the B2BUA never see a half-done update. Reachability changes are reported
 * exactly once per transition, in order, after the new bindings are visible: updates of one
 * agent and their notices run under one of a few striped locks, as do the saves to the
 * {@link BindingStore}. Bindings reached at a NAT's address are also indexed by the URI INVITEs
 * are sent to, for the SIP stack's router.
 */
final class BindingTable implements AgentLocator {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);
    private final Map<String, List<Binding>> byAgent = new ConcurrentHashMap<>();
    private final Map<String, Binding> natByReachUri = new ConcurrentHashMap<>();
    private final RegistrationListener listener;
    private final BindingStore store;
    private final int maxContactsPerAgent;
    private final Object[] stripes = new Object[64];

    BindingTable(RegistrationListener listener, BindingStore store, int maxContactsPerAgent) {
        this.listener = listener;
        this.store = store;
        this.maxContactsPerAgent = maxContactsPerAgent;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    private Object stripe(String agentId) {
        return stripes[Math.floorMod(agentId.hashCode(), stripes.length)];
    }

    /** Registered contacts of every agent, for metrics. */
    int contactCount() {
        int n = 0;
        for (List<Binding> contacts : byAgent.values()) {
            n += contacts.size();
        }
        return n;
    }

    /** Where the REGISTERs of every binding came from. */
    Set<InetSocketAddress> sources() {
        Set<InetSocketAddress> sources = new HashSet<>();
        for (List<Binding> contacts : byAgent.values()) {
            for (Binding b : contacts) {
                sources.add(b.source());
            }
        }
        return sources;
    }

    @Override
    public List<Binding> contactsOf(String agentId) {
        return byAgent.getOrDefault(agentId, List.of());
    }

    /** The binding behind NAT whose INVITEs go to {@code reachUri}, or null. */
    Binding natBinding(String reachUri) {
        return natByReachUri.get(reachUri);
    }

    /**
     * Applies one REGISTER: {@code removeAll} first, then each update (expiresAtMs <= now
     * removes that contact). A binding from the same Call-ID with a CSeq not newer than the
     * stored one is left alone (an out-of-order retransmission). Returns the agent's bindings after.
     */
    List<Binding> apply(String agentId, boolean removeAll, List<Binding> updates, long nowMs) {
        synchronized (stripe(agentId)) {
            List<Binding> before = contactsOf(agentId);
            List<Binding> next = new ArrayList<>(removeAll ? List.of() : before);
            for (Binding u : updates) {
                Binding old = find(next, u.contact());
                if (old != null && old.callId().equals(u.callId()) && old.cseq() >= u.cseq()) {
                    continue;
                }
                next.remove(old);
                dropSameDevice(next, u);
                if (u.expiresAtMs() > nowMs) {
                    next.add(u);
                }
            }
            while (next.size() > maxContactsPerAgent) {
                next.remove(next.stream().min(Comparator.comparingLong(Binding::expiresAtMs)).orElseThrow());
            }
            return replace(agentId, before, List.copyOf(next));
        }
    }

    /** Drops every binding that lapsed by {@code nowMs}. */
    void expire(long nowMs) {
        for (String agentId : byAgent.keySet()) {
            synchronized (stripe(agentId)) {
                List<Binding> before = contactsOf(agentId);
                if (before.stream().anyMatch(b -> b.expiresAtMs() <= nowMs)) {
                    List<Binding> after = replace(agentId, before,
                            before.stream().filter(b -> b.expiresAtMs() > nowMs).toList());
                    before.stream().filter(b -> b.expiresAtMs() <= nowMs).forEach(b -> LOG.info(
                            "agent {}: registration of {} from {} lapsed (not refreshed); {} contact(s) left",
                            agentId, b.contact(), Addresses.of(b.source()), after.size()));
                }
            }
        }
    }

    /** Stores {@code after} in place of {@code before}, then tells the listener if reachability changed. */
    private List<Binding> replace(String agentId, List<Binding> before, List<Binding> after) {
        if (after.isEmpty()) {
            byAgent.remove(agentId);
        } else {
            byAgent.put(agentId, after);
        }
        before.stream().filter(Binding::behindNat).forEach(b -> natByReachUri.remove(b.reachUri(), b));
        after.stream().filter(Binding::behindNat).forEach(b -> natByReachUri.put(b.reachUri(), b));
        store.save(agentId, after);
        if (before.isEmpty() != after.isEmpty()) {
            listener.reachabilityChanged(agentId, !after.isEmpty());
        }
        return after;
    }


    /**
     * A woken mobile app often registers from a new address: its pn-prid (RFC 8599) names the
     * device, so the Contact it had before goes, rather than be pushed and rung a second time.
     */
    private static void dropSameDevice(List<Binding> bindings, Binding update) {
        PushTarget device = update.pushTarget();
        if (device != null) {
            bindings.removeIf(b -> !b.contact().equals(update.contact()) && device.equals(b.pushTarget()));
        }
    }

    private static Binding find(List<Binding> bindings, String contact) {
        for (Binding b : bindings) {
            if (b.contact().equals(contact)) {
                return b;
            }
        }
        return null;
    }
}
