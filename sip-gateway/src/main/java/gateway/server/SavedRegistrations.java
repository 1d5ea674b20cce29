package gateway.server;

import gateway.sip.registrar.Binding;
import gateway.sip.registrar.BindingStore;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.List;
import ops.registrations.RegistrationStore;
import ops.registrations.SavedBinding;

/** The registrar's bindings in the server's storage: saved as they change, read back at start-up. */
final class SavedRegistrations implements BindingStore {
    private final RegistrationStore store;

    SavedRegistrations(RegistrationStore store) {
        this.store = store;
    }

    /** What the last run left that is still live at {@code nowMs}. */
    List<Binding> lastRun(long nowMs) throws SQLException {
        return store.load(nowMs).stream().map(SavedRegistrations::binding).toList();
    }

    @Override
    public void save(String agentId, List<Binding> bindings) {
        store.save(agentId, bindings.stream().map(SavedRegistrations::saved).toList());
    }

    private static SavedBinding saved(Binding b) {
        return new SavedBinding(b.agentId(), b.contact(), b.reachUri(), b.transport(), b.source().getHostString(),
                b.source().getPort(), b.expiresAtMs(), b.callId(), b.cseq(), b.path());
    }

    private static Binding binding(SavedBinding s) {
        // the source was stored as an IP literal: no name is looked up here
        return new Binding(s.agentId(), s.contact(), s.reachUri(), s.transport(),
                new InetSocketAddress(s.sourceHost(), s.sourcePort()), s.expiresAtMs(), s.callId(), s.cseq(), s.path());
    }
}
