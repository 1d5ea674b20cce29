package ops.registrations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import ops.records.Storage;
import ops.testkit.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RegistrationStoreTest {
    private static final String DBS = "ops.testkit.TestDatabases#all";
    private static final long NOW = 1_000_000;

    @TempDir
    Path dir;

    private static SavedBinding binding(String agent, String contact, long expiresAtMs, List<String> path) {
        return new SavedBinding(agent, contact, contact.replace("192.168.1.20:5060", "203.0.113.7:40001"), "UDP",
                "203.0.113.7", 40001, expiresAtMs, "reg-" + agent, 7, path);
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void savedBindingsComeBackWithTheirReachAndExpiryAndLapsedOnesAreDropped(TestDatabases.Kind kind) throws Exception {
        try (TestDatabases.Fresh db = kind.fresh(dir)) {
            Storage storage = Storage.open(db.settings("acd1"));
            SavedBinding alice = binding("alice", "sip:1001@192.168.1.20:5060", NOW + 60_000, List.of());
            SavedBinding aliceDesk = binding("alice", "sip:1001@10.0.0.5:5060;transport=tcp", NOW + 3_600_000,
                    List.of("<sip:edge1.example;lr>", "<sip:edge2.example;lr>"));
            SavedBinding bob = binding("bob", "sip:1002@192.168.1.21:5060", NOW + 1, List.of());
            try (RegistrationStore store = RegistrationStore.start(storage)) {
                store.save("alice", List.of(alice));
                store.save("bob", List.of(bob));
                store.save("alice", List.of(alice, aliceDesk)); // the latest save of an agent wins
            }
            try (RegistrationStore again = RegistrationStore.start(Storage.open(db.settings("acd1")))) {
                assertEquals(List.of(aliceDesk, alice, bob), again.load(NOW), "by agent, then contact");
                assertEquals(List.of(aliceDesk, alice), again.load(NOW + 1), "bob's binding lapsed at NOW + 1");
                assertEquals(List.of(aliceDesk, alice), again.load(NOW), "a lapsed binding is deleted when read");
            }
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void anEmptySaveRemovesTheAgentAndOtherServersKeepTheirRows(TestDatabases.Kind kind) throws Exception {
        try (TestDatabases.Fresh db = kind.fresh(dir)) {
            SavedBinding alice = binding("alice", "sip:1001@192.168.1.20:5060", NOW + 60_000, List.of());
            try (RegistrationStore one = RegistrationStore.start(Storage.open(db.settings("acd1")));
                 RegistrationStore two = RegistrationStore.start(Storage.open(db.settings("acd2")))) {
                one.save("alice", List.of(alice));
                two.save("alice", List.of(alice));
            }
            try (RegistrationStore one = RegistrationStore.start(Storage.open(db.settings("acd1")))) {
                one.save("alice", List.of());
            }
            try (RegistrationStore one = RegistrationStore.start(Storage.open(db.settings("acd1")));
                 RegistrationStore two = RegistrationStore.start(Storage.open(db.settings("acd2")))) {
                assertEquals(List.of(), one.load(NOW));
                assertEquals(List.of(alice), two.load(NOW), "another server's registrations are its own");
            }
        }
    }
}
