package gateway.sip.registrar;

import java.util.List;

/** The contacts to ring for an agent; empty when the agent has no live registration. */
@FunctionalInterface
public interface AgentLocator {
    List<Binding> contactsOf(String agentId);
}
