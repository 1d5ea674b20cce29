package gateway.push;

import gateway.sip.registrar.Binding;
import gateway.sip.registrar.BindingStore;
import gateway.sip.registrar.PushTarget;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The phones being woken, each waiting for its phone's next REGISTER. It sees every agent's
 * bindings as the registrar hands them to the store (after each REGISTER, refreshes included),
 * passes them on to {@code store}, and tells the waiting rings whose phone registered again.
 */
public final class Wakeups implements BindingStore {
    private final BindingStore store;
    private final Map<String, List<Waiter>> byAgent = new ConcurrentHashMap<>();

    public Wakeups(BindingStore store) {
        this.store = store;
    }

    @Override
    public void save(String agentId, List<Binding> bindings) {
        store.save(agentId, bindings);
        List<Waiter> waiting = byAgent.get(agentId);
        if (waiting == null) {
            return;
        }
        for (Waiter w : waiting) {
            Binding fresh = w.registeredAgain(bindings);
            if (fresh != null) {
                w.woken(fresh);
            }
        }
    }

    /** Waits for {@code phone} to register again; the listener hears on {@code loop}. */
    Waiter await(Binding phone, PushTarget target, Executor loop, PhoneWaker.Listener listener) {
        Waiter w = new Waiter(phone, target, loop, listener);
        byAgent.computeIfAbsent(phone.agentId(), a -> new CopyOnWriteArrayList<>()).add(w);
        return w;
    }

    /** Phones being woken now, for tests and metrics. */
    public int waiting() {
        return byAgent.values().stream().mapToInt(List::size).sum();
    }

    private void forget(Waiter w) {
        byAgent.computeIfPresent(w.phone.agentId(), (a, list) -> {
            list.remove(w);
            return list.isEmpty() ? null : list;
        });
    }

    /** One phone's wake-up: ends once, woken, failed or cancelled, whichever comes first. */
    final class Waiter implements PhoneWaker.Wake {
        private final Binding phone;
        private final PushTarget target;
        private final Executor loop;
        private final PhoneWaker.Listener listener;
        private final AtomicBoolean over = new AtomicBoolean();

        private Waiter(Binding phone, PushTarget target, Executor loop, PhoneWaker.Listener listener) {
            this.phone = phone;
            this.target = target;
            this.loop = loop;
            this.listener = listener;
        }

        /**
         * The binding of this phone that a REGISTER since the wake-up began made: the same
         * device (pn-prid) or Contact, from a new registration (another Call-ID, CSeq or Contact).
         */
        private Binding registeredAgain(List<Binding> bindings) {
            for (Binding b : bindings) {
                boolean samePhone = b.contact().equals(phone.contact()) || target.equals(b.pushTarget());
                boolean newer = !b.contact().equals(phone.contact()) || !b.callId().equals(phone.callId())
                        || b.cseq() != phone.cseq();
                if (samePhone && newer) {
                    return b;
                }
            }
            return null;
        }

        private void woken(Binding fresh) {
            if (end()) {
                loop.execute(() -> listener.woken(fresh));
            }
        }

        void failed(String why) {
            if (end()) {
                loop.execute(() -> listener.failed(why));
            }
        }

        @Override
        public void cancel() {
            end();
        }

        private boolean end() {
            if (over.compareAndSet(false, true)) {
                forget(this);
                return true;
            }
            return false;
        }
    }
}
