package ivr.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.hours.BusinessHours;
import ivr.hours.WeeklyRange;
import ivr.menu.Destination;
import ivr.menu.Menu;
import ivr.menu.MenuSet;
import ivr.audio.Pcm;
import ivr.audio.Prompt;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntryPointsTest {

    static MenuSet exampleMenus() {
        Prompt p = Prompt.of("p", Pcm.silence(100));
        return new MenuSet(List.of(
                Menu.choice("main", p, Map.of("1", Destination.queue("sales")), Destination.queue("support")),
                Menu.announcement("closed", p, Destination.HANGUP)));
    }

    @Test
    void routesByNumberAndHours() {
        BusinessHours hours = new BusinessHours(ZoneId.of("Europe/Tallinn"),
                List.of(WeeklyRange.parse("mon-fri", "09:00-17:00")), Set.of(), Destination.menu("closed"));
        EntryPoints numbers = new EntryPoints(List.of(
                new EntryPoint("+15550100000", Destination.menu("main"), hours),
                new EntryPoint("+15550100099", Destination.queue("support"), null),
                new EntryPoint(EntryPoint.ANY, Destination.menu("main"), null)), exampleMenus());
        Instant mondayNoon = Instant.parse("2026-11-23T10:00:00Z");
        Instant sundayNoon = Instant.parse("2026-11-22T10:00:00Z");
        assertEquals(Destination.menu("main"), numbers.route("+15550100000", mondayNoon).orElseThrow());
        assertEquals(Destination.menu("closed"), numbers.route("+15550100000", sundayNoon).orElseThrow());
        assertEquals(Destination.queue("support"), numbers.route("+15550100099", sundayNoon).orElseThrow());
        assertEquals(Destination.menu("main"), numbers.route("12345", sundayNoon).orElseThrow());
        EntryPoints strict = new EntryPoints(List.of(new EntryPoint("100", Destination.HANGUP, null)), exampleMenus());
        assertTrue(strict.route("200", sundayNoon).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> new EntryPoints(
                List.of(new EntryPoint("1", Destination.menu("nope"), null)), exampleMenus()));
    }
}
