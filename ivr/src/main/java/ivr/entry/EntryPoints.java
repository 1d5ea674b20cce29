package ivr.entry;

import ivr.menu.Destination;
import ivr.menu.MenuSet;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Entry points by dialled number: an exact match first, then the {@code "*"} entry. */
public final class EntryPoints {
    private final Map<String, EntryPoint> byNumber;

    public EntryPoints(Collection<EntryPoint> entries, MenuSet menus) {
        Map<String, EntryPoint> map = new LinkedHashMap<>();
        for (EntryPoint e : entries) {
            if (map.putIfAbsent(e.number(), e) != null) {
                throw new IllegalArgumentException("number \"" + e.number() + "\" is listed twice");
            }
            menus.requireKnown(e.target(), "number " + e.number());
            if (e.hours() != null) {
                menus.requireKnown(e.hours().closed(), "number " + e.number() + " hours.closed");
            }
        }
        this.byNumber = Map.copyOf(map);
    }

    public Optional<EntryPoint> find(String dialled) {
        EntryPoint e = byNumber.get(dialled);
        return Optional.ofNullable(e != null ? e : byNumber.get(EntryPoint.ANY));
    }

    /** Where a call to {@code dialled} at {@code now} starts; empty if no entry takes it (answer 404). */
    public Optional<Destination> route(String dialled, Instant now) {
        return find(dialled).map(e -> e.route(now));
    }
}
