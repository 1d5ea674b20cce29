package gateway.server;

import acd.agent.RestoredStatus;
import gateway.sip.registrar.Binding;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the records kept from the server's last run, put back before SIP is served so the first
 * call already meets the day as it was: the phones' registrations, each agent's status (paused or
 * logged out stays so) and the calls each agent answered today (fewest-calls, the page).
 */
record LastRun(List<Binding> registrations, Map<String, RestoredStatus> statuses,
               Map<String, Integer> answeredToday) {
    static final LastRun NONE = new LastRun(List.of(), Map.of(), Map.of());

    LastRun {
        registrations = List.copyOf(registrations);
        statuses = Map.copyOf(statuses);
        answeredToday = Map.copyOf(answeredToday);
    }

    /** Of {@code agentIds}, those who start away from calls, for the log: "alice paused (lunch), dave logged out". */
    String away(List<String> agentIds) {
        return agentIds.stream().filter(statuses::containsKey).map(id -> away(id, statuses.get(id)))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
    }

    private static String away(String agentId, RestoredStatus status) {
        return switch (status.status()) {
            case PAUSED -> agentId + " paused (" + status.reason() + ")";
            case LOGGED_OUT -> agentId + " logged out";
            case AVAILABLE -> "";
        };
    }
}
