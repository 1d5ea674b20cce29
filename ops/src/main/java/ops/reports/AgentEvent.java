package ops.reports;

/** An agent's event from the events table; {@code data1} is the reason of a PAUSE. */
record AgentEvent(String agentId, long atMs, String event, String data1) {
}
