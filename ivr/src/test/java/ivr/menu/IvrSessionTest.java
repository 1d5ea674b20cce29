package ivr.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.play.FakeMediaPort;
import ivr.testkit.ExpectedLog;
import ivr.time.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        try (ExpectedLog log = ExpectedLog.of(IvrSession.class)) {
            MenuSet loop = new MenuSet(List.of(
                    Menu.announcement("a", MenuSessionTest.CLOSED, Destination.menu("b")),
                    Menu.announcement("b", MenuSessionTest.CLOSED, Destination.menu("a"))));
            session(loop).start(Destination.menu("a"));
            clock.advance(3_600_000);
            assertEquals(List.of(Destination.HANGUP), results);
            assertEquals(IvrSession.MAX_NODES_WITHOUT_INPUT, media.started.size());
            assertTrue(log.warned("the tree loops"), log.warnings().toString());
        }
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
}
