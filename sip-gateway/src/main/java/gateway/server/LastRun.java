package gateway.server;

import acd.agent.RestoredStatus;
import gateway.sip.registrar.Binding;
import java.util.List;
import java.util.Map;

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
}
