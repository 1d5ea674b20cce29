package config.model;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A validated routing config: every reference resolves, every sound file is playable.
 * {@code pauseReasons} are what the supervisor page offers when it pauses an agent; {@code push}
 * is null when the file has no push section (phones are rung as registered).
 */
public record AcdConfig(Path source, Sip sip, Rtp rtp, Http http, Storage storage, List<Trunk> trunks,
                        List<Agent> agents, List<Queue> queues, List<Menu> menus, List<NumberEntry> numbers,
                        List<String> pauseReasons, Push push) {
    public static final List<String> DEFAULT_PAUSE_REASONS = List.of("break", "lunch", "meeting", "training", "coaching");

    public AcdConfig {
        pauseReasons = List.copyOf(pauseReasons);
        trunks = List.copyOf(trunks);
        agents = List.copyOf(agents);
        queues = List.copyOf(queues);
        menus = List.copyOf(menus);
        numbers = List.copyOf(numbers);
    }

    public Optional<Agent> agent(String id) {
        return agents.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<Queue> queue(String id) {
        return queues.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Optional<Menu> menu(String id) {
        return menus.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Trunk> trunk(String id) {
        return trunks.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The agent whose phones register as {@code extension}. */
    public Optional<Agent> agentByExtension(String extension) {
        return agents.stream().filter(a -> extension.equals(a.extension())).findFirst();
    }

    /** The trunk whose {@code allow} list holds {@code source}: its INVITEs need no digest auth. */
    public Optional<Trunk> trunkAllowing(InetAddress source) {
        return trunks.stream().filter(t -> t.allow().stream().anyMatch(c -> c.contains(source))).findFirst();
    }

    /** The entry for a dialed number: an exact match, else the "*" entry. */
    public Optional<NumberEntry> number(String dialed) {
        return numbers.stream().filter(n -> n.number().equals(dialed)).findFirst()
                .or(() -> numbers.stream().filter(n -> n.number().equals(NumberEntry.ANY)).findFirst());
    }
}
