package gateway.sip.registrar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every agent's current bindings. Each agent's list is replaced atomically (copy on write), so
 * readers such as the B2BUA never see a half-done update. Reachability changes are reported
 * exactly once per transition and in order, from inside the agent's update, so the listener
 * must not block nor register or expire bindings itself (reading them is fine).
 */
final class BindingTable implements AgentLocator {
    private final Map<String, List<Binding>> byAgent = new ConcurrentHashMap<>();
    private final RegistrationListener listener;
    private final int maxContactsPerAgent;

    BindingTable(RegistrationListener listener, int maxContactsPerAgent) {
        this.listener = listener;
        this.maxContactsPerAgent = maxContactsPerAgent;
    }

    @Override
    public List<Binding> contactsOf(String agentId) {
        return byAgent.getOrDefault(agentId, List.of());
    }

    /**
     * Applies one REGISTER: {@code removeAll} first, then each update (expiresAtMs <= now
     * removes that contact). A binding from the same Call-ID with a CSeq not newer than the
     * stored one is left alone (an out-of-order retransmission). Returns the agent's bindings after.
     */
    List<Binding> apply(String agentId, boolean removeAll, List<Binding> updates, long nowMs) {
        List<Binding> after = byAgent.compute(agentId, (id, current) -> {
            List<Binding> before = current == null ? List.of() : current;
            List<Binding> next = new ArrayList<>(removeAll ? List.of() : before);
            for (Binding u : updates) {
                Binding old = find(next, u.contact());
                if (old != null && old.callId().equals(u.callId()) && old.cseq() >= u.cseq()) {
                    continue;
                }
                next.remove(old);
                if (u.expiresAtMs() > nowMs) {
                    next.add(u);
                }
            }
            while (next.size() > maxContactsPerAgent) {
                next.remove(next.stream().min(Comparator.comparingLong(Binding::expiresAtMs)).orElseThrow());
            }
            notify(agentId, before.isEmpty(), next.isEmpty());
            return next.isEmpty() ? null : List.copyOf(next);
        });
        return after == null ? List.of() : after;
    }

    /** Drops every binding that lapsed by {@code nowMs}. */
    void expire(long nowMs) {
        for (String agentId : byAgent.keySet()) {
            byAgent.computeIfPresent(agentId, (id, current) -> {
                if (current.stream().noneMatch(b -> b.expiresAtMs() <= nowMs)) {
                    return current;
                }
                List<Binding> next = current.stream().filter(b -> b.expiresAtMs() > nowMs).toList();
                notify(agentId, false, next.isEmpty());
                return next.isEmpty() ? null : next;
            });
        }
    }

    private void notify(String agentId, boolean wasEmpty, boolean isEmpty) {
        if (wasEmpty != isEmpty) {
            listener.reachabilityChanged(agentId, !isEmpty);
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
