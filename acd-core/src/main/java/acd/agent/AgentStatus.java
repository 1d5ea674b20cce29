package acd.agent;

/**
 * What the agent or a supervisor sets (FreeSWITCH mod_callcenter's "status"). It changes at
 * once, whatever the agent's {@link AgentState}: a logout or pause during a call lets the call
 * and its wrap-up run on and only keeps the next call away. Any status may follow any other.
 */
public enum AgentStatus {
    LOGGED_OUT,
    /** Taking calls: offered one when also idle and reachable. */
    AVAILABLE,
    /** Logged in but not taking calls; carries a reason. */
    PAUSED;

    public boolean isLoggedIn() {
        return this != LOGGED_OUT;
    }
}
