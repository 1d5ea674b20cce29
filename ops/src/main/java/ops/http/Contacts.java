package ops.http;

import java.util.List;

/** The registrar's view: the contacts (SIP URIs) an agent's phones registered, from any thread. */
@FunctionalInterface
public interface Contacts {
    List<String> of(String agentId);

    Contacts NONE = agentId -> List.of();
}
