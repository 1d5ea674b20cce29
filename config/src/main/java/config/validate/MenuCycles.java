package config.validate;

import config.model.Menu;
import ivr.menu.Destination;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds menus a caller can never leave: every way out of them (options and the otherwise
 * target) leads only to menus, round and round. A menu is free when one of its targets is
 * not a menu, or is a free menu; the rest are trapped, and each trapped cycle is reported once.
 */
final class MenuCycles {
    private MenuCycles() {
    }

    static void check(List<MenusSection.Read> menus, Problems problems) {
        Map<String, MenusSection.Read> byId = new LinkedHashMap<>();
        menus.forEach(r -> byId.putIfAbsent(r.menu().id(), r));
        Set<String> free = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (MenusSection.Read r : byId.values()) {
                String id = r.menu().id();
                if (!free.contains(id) && exits(r.menu()).anyMatch(t -> !(t instanceof Destination.Menu m)
                        || free.contains(m.menuId()) || !byId.containsKey(m.menuId()))) {
                    free.add(id);
                    grew = true;
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (MenusSection.Read r : byId.values()) {
            if (free.contains(r.menu().id()) || reported.contains(r.menu().id())) {
                continue;
            }
            List<String> walk = new ArrayList<>();
            String at = r.menu().id();
            while (!walk.contains(at) && !reported.contains(at)) {
                walk.add(at);
                // every exit of a trapped menu is a menu
                at = ((Destination.Menu) exits(byId.get(at).menu()).findFirst().orElseThrow()).menuId();
            }
            reported.addAll(walk);
            if (!walk.contains(at)) {
                continue; // leads into a cycle already reported
            }
            List<String> cycle = new ArrayList<>(walk.subList(walk.indexOf(at), walk.size()));
            cycle.add(at);
            MenusSection.Read first = byId.get(cycle.get(0));
            problems.at(first.at(), first.path(), "menu cycle with no way out: " + String.join(" -> ", cycle)
                    + " (give one of these menus an option or otherwise that leads to a queue, voicemail, transfer or hangup)");
        }
    }

    private static Stream<Destination> exits(Menu m) {
        return Stream.concat(m.options().values().stream(), Stream.of(m.otherwise()));
    }
}
