package gateway.sip.registrar;

import java.util.List;

/**
 * Where bindings are kept beyond this process (the server's storage), so agents stay reachable
 * across a restart. Told an agent's bindings after every change, refreshes and lapses included,
 * in order, under the agent's lock: it must only hand them over and return.
 */
@FunctionalInterface
public interface BindingStore {
    BindingStore NONE = (agentId, bindings) -> { };

    void save(String agentId, List<Binding> bindings);
}
