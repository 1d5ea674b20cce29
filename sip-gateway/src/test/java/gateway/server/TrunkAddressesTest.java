package gateway.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.HostPort;
import config.model.Trunk;
import ivr.testkit.ExpectedLog;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trunk names resolved at load and on refresh, never when a call reads them; a failed lookup keeps the last good one. */
class TrunkAddressesTest {
    private final Map<String, byte[]> dns = new HashMap<>();
    private int lookups;
    private final TrunkAddresses addresses = new TrunkAddresses(host -> {
        lookups++;
        byte[] ip = dns.get(host);
        if (ip == null) {
            throw new UnknownHostException(host + ": no such name");
        }
        return InetAddress.getByAddress(host, ip);
    });

    private static Trunk trunk(String id, String host, int port) {
        return new Trunk(id, new HostPort(host, port), List.of(), null, null, null);
    }

    @Test
    void resolvesAtLoadAndKeepsTheLastGoodAddressWhenALookupFails() {
        try (ExpectedLog log = ExpectedLog.of(TrunkAddresses.class)) {
            dns.put("carrier.example", new byte[] {(byte) 198, 51, 100, 7});
            addresses.update(List.of(trunk("carrier", "carrier.example", 5060), trunk("backup", "nowhere.example", 5070)));
            assertEquals(new InetSocketAddress("198.51.100.7", 5060).getAddress(), addresses.get("carrier").getAddress());
            assertEquals(5060, addresses.get("carrier").getPort());
            assertTrue(addresses.get("backup").isUnresolved(), "never resolved: unresolved, not a lookup per call");
            assertNull(addresses.get("stranger"));

            int before = lookups;
            for (int i = 0; i < 10; i++) {
                addresses.get("carrier");
            }
            assertEquals(before, lookups, "reading an address never looks it up");

            dns.remove("carrier.example");
            addresses.refresh();
            assertEquals("198.51.100.7", addresses.get("carrier").getAddress().getHostAddress(), "the last good address stays");

            dns.put("carrier.example", new byte[] {(byte) 198, 51, 100, 8});
            addresses.refresh();
            assertEquals("198.51.100.8", addresses.get("carrier").getAddress().getHostAddress(), "a new address is taken");
            assertTrue(log.warned("cannot resolve carrier.example:5060"), log.warnings().toString());
        }
    }

    @Test
    void aReloadedTrunkWithAnotherNameDoesNotKeepTheOldAddress() {
        try (ExpectedLog log = ExpectedLog.of(TrunkAddresses.class)) {
            dns.put("old.example", new byte[] {(byte) 198, 51, 100, 7});
            addresses.update(List.of(trunk("carrier", "old.example", 5060)));
            addresses.update(List.of(trunk("carrier", "new.example", 5060)));
            assertTrue(addresses.get("carrier").isUnresolved());
            assertEquals("new.example", addresses.get("carrier").getHostString());
            assertTrue(log.warned("cannot resolve new.example:5060"), log.warnings().toString());
        }
    }
}
