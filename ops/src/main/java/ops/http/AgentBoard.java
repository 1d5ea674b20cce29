package ops.http;

import acd.agent.AgentState;
import acd.agent.AgentStatus;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A queue's agents as the wallboard counts them: each logged-in member once, by what a glance at
 * the wall should tell. A call's state wins (a paused agent still on a call is on a call); with
 * no call, a paused agent is paused, not idle; a logged-out one is not counted. Status and
 * state stay two axes in {@code agentsByStatus}/{@code agentsByState}; this is the one place
 * that folds them into one.
 */
record AgentBoard(int idle, int ringing, int onCall, int wrapUp, int paused) {
    static final AgentBoard NONE = new AgentBoard(0, 0, 0, 0, 0);

    /** What an agent counts as; written as the name of its count in this record. */
    enum Kind {
        IDLE("idle"), RINGING("ringing"), ON_CALL("onCall"), WRAP_UP("wrapUp"), PAUSED("paused");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        @JsonValue
        String key() {
            return key;
        }
    }

    /** What the agent counts as, or null when logged out (not counted). */
    static Kind kind(AgentStatus status, AgentState state) {
        if (status == AgentStatus.LOGGED_OUT) {
            return null;
        }
        return switch (state) {
            case ON_CALL -> Kind.ON_CALL;
            case RINGING -> Kind.RINGING;
            case WRAP_UP -> Kind.WRAP_UP;
            case IDLE -> status == AgentStatus.PAUSED ? Kind.PAUSED : Kind.IDLE;
        };
    }

    /** These counts with one more agent of {@code kind} (null: a logged-out agent, not counted). */
    AgentBoard plus(Kind kind) {
        if (kind == null) {
            return this;
        }
        return switch (kind) {
            case IDLE -> new AgentBoard(idle + 1, ringing, onCall, wrapUp, paused);
            case RINGING -> new AgentBoard(idle, ringing + 1, onCall, wrapUp, paused);
            case ON_CALL -> new AgentBoard(idle, ringing, onCall + 1, wrapUp, paused);
            case WRAP_UP -> new AgentBoard(idle, ringing, onCall, wrapUp + 1, paused);
            case PAUSED -> new AgentBoard(idle, ringing, onCall, wrapUp, paused + 1);
        };
    }
}
