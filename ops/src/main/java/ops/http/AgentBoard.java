package ops.http;

import acd.agent.AgentStatus;
import acd.engine.AgentView;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A queue's agents as the wallboard counts them: each logged-in member once, by what a glance at
 * the wall should tell. A call's state wins (a paused agent still on a call is on a call, and so
 * is one on a call of their own); with no call, a paused agent is paused, and an available one
 * with no phone registered has no phone: only the rest are idle, ready for the next caller. A
 * logged-out agent is not counted. Status and state stay two axes in
 * {@code agentsByStatus}/{@code agentsByState}; this is the one place that folds them into one.
 */
record AgentBoard(int idle, int ringing, int onCall, int wrapUp, int paused, int noPhone) {
    static final AgentBoard NONE = new AgentBoard(0, 0, 0, 0, 0, 0);

    /** What an agent counts as; written as the name of its count in this record. */
    enum Kind {
        IDLE("idle"), RINGING("ringing"), ON_CALL("onCall"), WRAP_UP("wrapUp"), PAUSED("paused"),
        NO_PHONE("noPhone");

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
    static Kind kind(AgentView a) {
        if (a.status() == AgentStatus.LOGGED_OUT) {
            return null;
        }
        return switch (a.state()) {
            case ON_CALL -> Kind.ON_CALL;
            case RINGING -> Kind.RINGING;
            case WRAP_UP -> Kind.WRAP_UP;
            case IDLE -> idle(a);
        };
    }

    private static Kind idle(AgentView a) {
        if (a.onOwnCall()) {
            return Kind.ON_CALL;
        }
        if (a.status() == AgentStatus.PAUSED) {
            return Kind.PAUSED;
        }
        return a.reachable() ? Kind.IDLE : Kind.NO_PHONE;
    }

    /** These counts with one more agent of {@code kind} (null: a logged-out agent, not counted). */
    AgentBoard plus(Kind kind) {
        if (kind == null) {
            return this;
        }
        return switch (kind) {
            case IDLE -> new AgentBoard(idle + 1, ringing, onCall, wrapUp, paused, noPhone);
            case RINGING -> new AgentBoard(idle, ringing + 1, onCall, wrapUp, paused, noPhone);
            case ON_CALL -> new AgentBoard(idle, ringing, onCall + 1, wrapUp, paused, noPhone);
            case WRAP_UP -> new AgentBoard(idle, ringing, onCall, wrapUp + 1, paused, noPhone);
            case PAUSED -> new AgentBoard(idle, ringing, onCall, wrapUp, paused + 1, noPhone);
            case NO_PHONE -> new AgentBoard(idle, ringing, onCall, wrapUp, paused, noPhone + 1);
        };
    }
}
