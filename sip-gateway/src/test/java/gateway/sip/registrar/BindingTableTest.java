package gateway.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingTableTest {
    private final List<String> notices = new ArrayList<>();
    private final BindingTable table = new BindingTable((agent, up) -> notices.add(agent + (up ? " up" : " down")), 2);

    private static Binding binding(String contact, long expiresAtMs, String callId, long cseq) {
        return new Binding("alice", contact, contact, "UDP", new InetSocketAddress("127.0.0.1", 5060), expiresAtMs,
                callId, cseq, List.of());
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
}
