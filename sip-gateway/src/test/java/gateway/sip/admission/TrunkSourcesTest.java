package gateway.sip.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Trunk admission by source address; the CIDR itself is config.model.Cidr (see its CidrTest). */
class TrunkSourcesTest {
    @Test
    void rejectsNonsenseNamingTheTrunk() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrunkSources.of(Map.of("carrier", List.of("198.51.100.0/x"))));
        assertTrue(e.getMessage().contains("carrier") && e.getMessage().contains("198.51.100.0/x"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrunkSources.of(Map.of("carrier", List.of("carrier.example.com/24"))));
    }

    @Test
    void trunkSourcesNameTheTrunk() throws Exception {
        TrunkSources trunks = TrunkSources.of(Map.of("carrier", List.of("198.51.100.0/24")));
        assertEquals(Optional.of("carrier"), trunks.trunkOf(InetAddress.getByName("198.51.100.9")));
        assertEquals(Optional.empty(), trunks.trunkOf(InetAddress.getByName("203.0.113.1")));
        assertEquals(Optional.of("carrier"), trunks.trunkOf(InetAddress.getByName("198.51.100.0")));
    }
}
