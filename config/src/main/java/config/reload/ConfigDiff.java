package config.reload;

import config.model.AcdConfig;
import config.model.Agent;
import config.model.Menu;
import config.model.NumberEntry;
import config.model.Queue;
import config.model.Trunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a reload changes, section by section. {@code restartNeeded} names the server sections
 * (sip, rtp, http, storage) whose change only takes effect when the server restarts;
 * {@code pauseReasons} whether the list the page offers changed (read afresh, so applied at once);
 * {@code push} whether the push gateway changed (applied to the next wake-up).
 */
public record ConfigDiff(Changes agents, Changes queues, Changes menus, Changes numbers, Changes trunks,
                         List<String> restartNeeded, boolean pauseReasons, boolean push) {
    public ConfigDiff {
        restartNeeded = List.copyOf(restartNeeded);
    }

    public static ConfigDiff between(AcdConfig before, AcdConfig after) {
        List<String> restart = new ArrayList<>();
        if (!Objects.equals(before.sip(), after.sip())) {
            restart.add("sip");
        }
        if (!Objects.equals(before.rtp(), after.rtp())) {
            restart.add("rtp");
        }
        if (!Objects.equals(before.http(), after.http())) {
            restart.add("http");
        }
        if (!Objects.equals(before.storage(), after.storage())) {
            restart.add("storage");
        }
        return new ConfigDiff(
                Changes.between(before.agents(), after.agents(), Agent::id),
                Changes.between(before.queues(), after.queues(), Queue::id),
                Changes.between(before.menus(), after.menus(), Menu::id),
                Changes.between(before.numbers(), after.numbers(), NumberEntry::number),
                Changes.between(before.trunks(), after.trunks(), Trunk::id),
                restart, !before.pauseReasons().equals(after.pauseReasons()), !Objects.equals(before.push(), after.push()));
    }

    public boolean isEmpty() {
        return agents.isEmpty() && queues.isEmpty() && menus.isEmpty() && numbers.isEmpty() && trunks.isEmpty()
                && restartNeeded.isEmpty() && !pauseReasons && !push;
    }

    /** e.g. {@code agents: +carol; queues: ~sales -support; restart needed for: sip}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        section(parts, "agents", agents);
        section(parts, "queues", queues);
        section(parts, "menus", menus);
        section(parts, "numbers", numbers);
        section(parts, "trunks", trunks);
        if (pauseReasons) {
            parts.add("pauseReasons changed");
        }
        if (push) {
            parts.add("push changed");
        }
        if (!restartNeeded.isEmpty()) {
            parts.add("restart needed for: " + String.join(", ", restartNeeded));
        }
        return parts.isEmpty() ? "no changes" : String.join("; ", parts);
    }

    private static void section(List<String> parts, String name, Changes c) {
        if (!c.isEmpty()) {
            parts.add(name + ": " + c);
        }
    }
}
