package ivr.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.hours.BusinessHours;
import ivr.hours.WeeklyRange;
import ivr.play.FakeMediaPort;
import ivr.time.VirtualScheduler;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IvrSessionTest {
    final VirtualScheduler clock = new VirtualScheduler();
    final FakeMediaPort media = new FakeMediaPort(clock);
    final List<Destination> results = new ArrayList<>();

    /** The example config's tree: main (1 sales, 2 support, 9 closed), closed -> hangup. */
    static MenuSet exampleMenus() {
        return new MenuSet(List.of(
                MenuSessionTest.main(true, MenuSessionTest.SALES_SUPPORT),
                Menu.announcement("closed", MenuSessionTest.CLOSED, Destination.HANGUP)));
    }

    IvrSession session(MenuSet menus) {
        return new IvrSession(menus, media, clock, results::add);
    }

    @Test
    void walksFromMenuToMenuUntilTheCallLeavesTheIvr() {
        IvrSession ivr = session(exampleMenus());
        ivr.start(Destination.menu("main"));
        clock.advance(3500);
        ivr.onKey('9');
        assertEquals("closed", ivr.currentMenu().id());
        clock.advance(2000);
        assertEquals(List.of(Destination.HANGUP), results);
        assertEquals(List.of("welcome", "closed"), media.started);
        assertTrue(ivr.done());
    }

    @Test
    void aDestinationOutsideTheIvrIsReportedAtOnce() {
        IvrSession ivr = session(exampleMenus());
        ivr.start(Destination.voicemail("sales"));
        assertEquals(List.of(Destination.voicemail("sales")), results);
        assertEquals(List.of(), media.started);
    }

    @Test
    void aLoopWithoutInputIsCutOff() {
        MenuSet loop = new MenuSet(List.of(
                Menu.announcement("a", MenuSessionTest.CLOSED, Destination.menu("b")),
                Menu.announcement("b", MenuSessionTest.CLOSED, Destination.menu("a"))));
        session(loop).start(Destination.menu("a"));
        clock.advance(3_600_000);
        assertEquals(List.of(Destination.HANGUP), results);
        assertEquals(IvrSession.MAX_NODES_WITHOUT_INPUT, media.started.size());
    }

    @Test
    void hangupInTheMiddleEndsQuietly() {
        IvrSession ivr = session(exampleMenus());
        ivr.start(Destination.menu("main"));
        clock.advance(1000);
        ivr.hangup();
        clock.advance(60_000);
        assertEquals(List.of(), results);
        assertEquals(0, clock.pending());
    }

    @Test
    void menuSetChecksReferences() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> new MenuSet(List.of(
                Menu.choice("main", MenuSessionTest.WELCOME, Map.of("1", Destination.menu("sales")), null))));
        assertEquals("menu main refers to unknown menu \"sales\"; known: [main]", unknown.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> new MenuSet(List.of(
                Menu.announcement("a", MenuSessionTest.CLOSED, Destination.HANGUP),
                Menu.announcement("a", MenuSessionTest.CLOSED, Destination.HANGUP))));
        assertEquals("menu id \"a\" is defined twice", twice.getMessage());
    }

    @Test
    void entryPointsRouteByNumberAndHours() {
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
