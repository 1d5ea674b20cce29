package gateway.sip.admission;

import config.model.Cidr;
import config.validate.BadValue;
import config.validate.Values;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which trunk, if any, a source address belongs to, from each trunk's {@code allow} list. */
public final class TrunkSources {
    private record Entry(String trunkId, Cidr network) {
    }

    private final List<Entry> entries;

    private TrunkSources(List<Entry> entries) {
        this.entries = entries;
    }

    /** {@code allowByTrunk}: trunk id to its networks, as the config holds them. */
    public static TrunkSources allowing(Map<String, List<Cidr>> allowByTrunk) {
        return new TrunkSources(allowByTrunk.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(c -> new Entry(e.getKey(), c)))
                .toList());
    }

    /** {@code allowByTrunk}: trunk id to its CIDR strings; an invalid CIDR throws, naming the trunk. */
    public static TrunkSources of(Map<String, List<String>> allowByTrunk) {
        List<Entry> list = allowByTrunk.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(c -> new Entry(e.getKey(), parse(e.getKey(), c))))
                .toList();
        return new TrunkSources(list);
    }

    public static TrunkSources none() {
        return new TrunkSources(List.of());
    }

    public Optional<String> trunkOf(InetAddress source) {
        for (Entry e : entries) {
            if (e.network().contains(source)) {
                return Optional.of(e.trunkId());
            }
        }
        return Optional.empty();
    }

    private static Cidr parse(String trunkId, String cidr) {
        try {
            return Values.cidr(cidr);
        } catch (BadValue e) {
            throw new IllegalArgumentException("trunk " + trunkId + " allow: " + e.getMessage(), e);
        }
    }
}
