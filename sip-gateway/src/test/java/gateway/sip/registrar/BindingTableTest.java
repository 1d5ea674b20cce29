package gateway.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ivr.testkit.ExpectedLog;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingTableTest {
    private final List<String> notices = new ArrayList<>();
    private final List<String> saves = new ArrayList<>();
    private final BindingTable table = new BindingTable((agent, up) -> notices.add(agent + (up ? " up" : " down")),
            (agent, bindings) -> saves.add(agent + " " + bindings.stream().map(Binding::contact).toList()), 2);

    private static Binding binding(String contact, long expiresAtMs, String callId, long cseq) {
        return new Binding("alice", contact, contact, "UDP", new InetSocketAddress("127.0.0.1", 5060), expiresAtMs,
                callId, cseq, List.of());
    }

    @Test
    void aWokenAppRegisteringFromANewContactReplacesItsOldOne() {
        String pn = ";pn-provider=fcm;pn-prid=device-1";
        table.apply("alice", false, List.of(binding("sip:a@10.0.0.5:40000" + pn, 100, "c1", 1),
                binding("sip:a@desk", 100, "c2", 1)), 0);
        table.apply("alice", false, List.of(binding("sip:a@10.0.0.9:41000" + pn, 100, "c3", 1)), 0);
        assertEquals(List.of("sip:a@desk", "sip:a@10.0.0.9:41000" + pn),
                table.contactsOf("alice").stream().map(Binding::contact).toList());
        table.apply("alice", false, List.of(binding("sip:a@desk", 0, "c2", 2),
                binding("sip:a@10.0.0.7:42000;pn-provider=fcm;pn-prid=device-2", 100, "c4", 1)), 0);
        assertEquals(List.of("sip:a@10.0.0.9:41000" + pn, "sip:a@10.0.0.7:42000;pn-provider=fcm;pn-prid=device-2"),
                table.contactsOf("alice").stream().map(Binding::contact).toList(), "another device keeps the first");
    }

    @Test
    void reachabilityIsReportedOncePerChange() {
        table.apply("alice", false, List.of(binding("sip:a@desk", 100, "c1", 1)), 0);
        table.apply("alice", false, List.of(binding("sip:a@mobile", 200, "c2", 1)), 0);
        table.apply("alice", false, List.of(binding("sip:a@desk", 0, "c1", 2)), 0);
        assertEquals(List.of("alice up"), notices);
        table.expire(199);
        assertEquals(1, table.contactsOf("alice").size());
        table.expire(200);
        assertEquals(List.of("alice up", "alice down"), notices);
        assertTrue(table.contactsOf("alice").isEmpty());
    }

    @Test
    void aLapseIsLoggedWithTheContactAndWhereItRegisteredFrom() {
        table.apply("alice", false, List.of(binding("sip:a@desk", 100, "c1", 1), binding("sip:a@mobile", 300, "c2", 1)), 0);
        try (ExpectedLog log = ExpectedLog.atInfo(Registrar.class.getName())) {
            table.expire(99);
            assertEquals(List.of(), log.lines(), "nothing lapsed yet");
            table.expire(100);
            assertEquals(List.of("agent alice: registration of sip:a@desk from 127.0.0.1:5060 lapsed (not refreshed); "
                    + "1 contact(s) left"), log.lines());
        }
    }

    @Test
    void anOlderCseqOfTheSameCallIdChangesNothing() {
        table.apply("alice", false, List.of(binding("sip:a@desk", 500, "c1", 5)), 0);
        table.apply("alice", false, List.of(binding("sip:a@desk", 0, "c1", 4)), 0);
        assertEquals(500, table.contactsOf("alice").get(0).expiresAtMs());
        table.apply("alice", false, List.of(binding("sip:a@desk", 0, "phone-restarted", 1)), 0);
        assertTrue(table.contactsOf("alice").isEmpty(), "another Call-ID may remove it");
    }

    @Test
    void theContactExpiringSoonestMakesRoomBeyondTheLimit() {
        table.apply("alice", false, List.of(binding("sip:a@1", 300, "c1", 1), binding("sip:a@2", 100, "c2", 1),
                binding("sip:a@3", 200, "c3", 1)), 0);
        assertEquals(List.of("sip:a@1", "sip:a@3"), table.contactsOf("alice").stream().map(Binding::contact).toList());
    }

    @Test
    void everyChangeIsSavedRefreshesAndLapsesIncludedAndNatBindingsAreFoundByTheirReach() {
        Binding natted = new Binding("alice", "sip:a@192.168.1.20", "sip:a@203.0.113.7:4000", "UDP",
                new InetSocketAddress("203.0.113.7", 4000), 100, "c1", 1, List.of());
        table.apply("alice", false, List.of(natted), 0);
        table.apply("alice", false, List.of(binding("sip:a@desk", 200, "c2", 1)), 0);
        assertEquals(natted, table.natBinding("sip:a@203.0.113.7:4000"));
        table.expire(100);
        assertEquals(List.of("alice [sip:a@192.168.1.20]", "alice [sip:a@192.168.1.20, sip:a@desk]", "alice [sip:a@desk]"),
                saves);
        assertEquals(null, table.natBinding("sip:a@203.0.113.7:4000"), "gone with its binding");
    }

    @Test
    void onlyABindingOnTheConnectionOfAPhoneBehindNatIsBoundToIt() {
        InetSocketAddress source = new InetSocketAddress("203.0.113.7", 40001);
        String contact = "sip:a@192.168.1.20;transport=tcp";
        String atSource = "sip:a@203.0.113.7:40001;transport=tcp";
        assertTrue(new Binding("alice", contact, atSource, "TCP", source, 1, "c", 1, null).onPhonesConnection());
        assertFalse(new Binding("alice", contact, atSource.replace("tcp", "udp"), "UDP", source, 1, "c", 1, null)
                .onPhonesConnection(), "a NAT's UDP mapping outlives the server");
        assertFalse(new Binding("alice", contact, contact, "TCP", source, 1, "c", 1, null).onPhonesConnection(),
                "a Contact reached directly gets a new connection");
    }
}
