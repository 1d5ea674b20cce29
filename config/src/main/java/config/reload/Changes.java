package config.reload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Which ids of one section a reload added, removed or changed. */
public record Changes(List<String> added, List<String> removed, List<String> changed) {
    public static final Changes NONE = new Changes(List.of(), List.of(), List.of());

    public Changes {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    static <T> Changes between(List<T> before, List<T> after, Function<T, String> id) {
        Map<String, T> old = new LinkedHashMap<>();
        before.forEach(t -> old.put(id.apply(t), t));
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (T t : after) {
            T previous = old.remove(id.apply(t));
            if (previous == null) {
                added.add(id.apply(t));
            } else if (!Objects.equals(previous, t)) {
                changed.add(id.apply(t));
            }
        }
        return new Changes(added, new ArrayList<>(old.keySet()), changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        added.forEach(id -> parts.add("+" + id));
        removed.forEach(id -> parts.add("-" + id));
        changed.forEach(id -> parts.add("~" + id));
        return String.join(" ", parts);
    }
}
