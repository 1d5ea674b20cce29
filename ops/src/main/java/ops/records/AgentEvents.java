package ops.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import acd.event.AcdEvent.AgentStateChanged;
import acd.event.AcdEvent.AgentStatusChanged;

/**
 * An agent's status changes in queue_log's words (AGENTLOGIN, PAUSE, UNPAUSE, AGENTLOGOFF), its
 * state changes as our own AGENTSTATE rows, and which call a wrap-up belongs to. A pause that
 * follows a pause only changes the reason; a logoff while paused first unpauses, so every PAUSE
 * has its end. Writer thread only.
 */
final class AgentEvents {
    static final String NONE = "NONE";

    /** One finished wrap-up: the call it followed and how long it took. */
    interface WrapUpEnded {
        void ended(String callId, long wrapUpMs);
    }

    private record WrapUp(String callId, long sinceMs) {
    }

    private final Map<String, Long> loggedInSince = new HashMap<>();
    private final Map<String, String> lastAnswered = new HashMap<>();
    private final Map<String, WrapUp> wrapping = new HashMap<>();

    void answered(String agentId, String callId) {
        lastAnswered.put(agentId, callId);
    }

    void status(AgentStatusChanged s, Consumer<QueueEvent> out) {
        String agent = s.agentId();
        String reason = s.reason() == null ? "" : s.reason();
        if (s.from() == AgentStatus.LOGGED_OUT && s.to() != AgentStatus.LOGGED_OUT) {
            loggedInSince.put(agent, s.atMs());
            out.accept(row(s.atMs(), agent, "AGENTLOGIN", agent));
        }
        if (s.to() == AgentStatus.PAUSED) {
            out.accept(row(s.atMs(), agent, "PAUSE", reason));
        } else if (s.from() == AgentStatus.PAUSED) {
            out.accept(row(s.atMs(), agent, "UNPAUSE", reason));
        }
        if (s.to() == AgentStatus.LOGGED_OUT && s.from() != AgentStatus.LOGGED_OUT) {
            Long since = loggedInSince.remove(agent);
            String loggedIn = since == null ? "" : Long.toString((s.atMs() - since) / 1000);
            out.accept(row(s.atMs(), agent, "AGENTLOGOFF", agent, loggedIn));
        }
    }

    void state(AgentStateChanged s, Consumer<QueueEvent> out, WrapUpEnded wrapUpEnded) {
        String agent = s.agentId();
        out.accept(row(s.atMs(), agent, "AGENTSTATE", s.from().name(), s.to().name(), s.reason() == null ? "" : s.reason()));
        if (s.to() == AgentState.WRAP_UP) {
            wrapping.put(agent, new WrapUp(lastAnswered.get(agent), s.atMs()));
        } else if (s.from() == AgentState.WRAP_UP) {
            WrapUp w = wrapping.remove(agent);
            if (w != null && w.callId() != null) {
                wrapUpEnded.ended(w.callId(), s.atMs() - w.sinceMs());
            }
        }
    }

    private static QueueEvent row(long atMs, String agent, String event, String... data) {
        return new QueueEvent(atMs, NONE, NONE, agent, event, List.of(data));
    }
}
