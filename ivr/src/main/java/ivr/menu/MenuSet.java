package ivr.menu;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** All menus of a config, by id, with every {@code menu:} reference checked to exist. */
public final class MenuSet {
    private final Map<String, Menu> byId;

    public MenuSet(Collection<Menu> menus) {
        Map<String, Menu> map = new LinkedHashMap<>();
        for (Menu m : menus) {
            if (map.putIfAbsent(m.id(), m) != null) {
                throw new IllegalArgumentException("menu id \"" + m.id() + "\" is defined twice");
            }
        }
        for (Menu m : map.values()) {
            for (Destination d : m.destinations()) {
                requireKnown(map, d, "menu " + m.id());
            }
        }
        this.byId = Map.copyOf(map);
    }

    private static void requireKnown(Map<String, Menu> menus, Destination d, String where) {
        if (d instanceof Destination.Menu ref && !menus.containsKey(ref.menuId())) {
            throw new IllegalArgumentException(where + " refers to unknown menu \"" + ref.menuId()
                    + "\"; known: " + menus.keySet());
        }
    }

    /** Fails like the constructor if {@code d} names a menu that is not here (entry points, fallbacks). */
    public void requireKnown(Destination d, String where) {
        requireKnown(byId, d, where);
    }

    public Menu get(String id) {
        Menu m = byId.get(id);
        if (m == null) {
            throw new IllegalArgumentException("unknown menu \"" + id + "\"");
        }
        return m;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    public int size() {
        return byId.size();
    }
}
