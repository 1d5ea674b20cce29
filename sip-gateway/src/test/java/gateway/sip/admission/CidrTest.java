package gateway.sip.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CidrTest {
    @Test
    void matchesNetworksAndSingleAddresses() throws Exception {
        Cidr net = Cidr.parse("198.51.100.0/24");
        assertTrue(net.contains(InetAddress.getByName("198.51.100.7")));
        assertFalse(net.contains(InetAddress.getByName("198.51.101.7")));
        assertTrue(Cidr.parse("10.0.0.0/9").contains(InetAddress.getByName("10.127.255.255")));
        assertFalse(Cidr.parse("10.0.0.0/9").contains(InetAddress.getByName("10.128.0.0")));
        assertTrue(Cidr.parse("127.0.0.2").contains(InetAddress.getByName("127.0.0.2")));
        assertFalse(Cidr.parse("127.0.0.2").contains(InetAddress.getByName("127.0.0.1")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9")));
        assertTrue(Cidr.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8::1")));
        assertFalse(Cidr.parse("2001:db8::/32").contains(InetAddress.getByName("198.51.100.7")));
    }

    @Test
    void rejectsNonsenseWithTheValue() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("carrier.example.com/24"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("198.51.100.0/33"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrunkSources.of(Map.of("carrier", List.of("198.51.100.0/x"))));
        assertTrue(e.getMessage().contains("carrier") && e.getMessage().contains("198.51.100.0/x"), e.getMessage());
    }

    @Test
    void trunkSourcesNameTheTrunk() throws Exception {
        TrunkSources trunks = TrunkSources.of(Map.of("carrier", List.of("198.51.100.0/24")));
        assertEquals(Optional.of("carrier"), trunks.trunkOf(InetAddress.getByName("198.51.100.9")));
        assertEquals(Optional.empty(), trunks.trunkOf(InetAddress.getByName("203.0.113.1")));
    }
}
