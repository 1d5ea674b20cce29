package config.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.validate.BadValue;
import config.validate.Values;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The one CIDR type, as the config parses it and the gateway's trunk admission uses it. */
class CidrTest {
    @Test
    void matchesNetworksAndSingleAddresses() throws Exception {
        Cidr net = Values.cidr("198.51.100.0/24");
        assertTrue(net.contains(InetAddress.getByName("198.51.100.7")));
        assertFalse(net.contains(InetAddress.getByName("198.51.101.7")));
        assertTrue(Values.cidr("10.0.0.0/9").contains(InetAddress.getByName("10.127.255.255")));
        assertFalse(Values.cidr("10.0.0.0/9").contains(InetAddress.getByName("10.128.0.0")));
        assertTrue(Values.cidr("127.0.0.2").contains(InetAddress.getByName("127.0.0.2")));
        assertFalse(Values.cidr("127.0.0.2").contains(InetAddress.getByName("127.0.0.1")));
        assertTrue(Values.cidr("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9")));
        assertTrue(Values.cidr("2001:db8::/32").contains(InetAddress.getByName("2001:db8::1")));
        assertFalse(Values.cidr("2001:db8::/32").contains(InetAddress.getByName("198.51.100.7")));
    }

    @Test
    void rejectsNonsenseWithTheValue() {
        assertThrows(BadValue.class, () -> Values.cidr("carrier.example.com/24"));
        BadValue e = assertThrows(BadValue.class, () -> Values.cidr("198.51.100.0/33"));
        assertTrue(e.getMessage().contains("198.51.100.0/33"), e.getMessage());
    }

    @Test
    void printsAsWritten() throws Exception {
        assertEquals("198.51.100.0/24", Values.cidr("198.51.100.0/24").toString());
        assertEquals("192.0.2.5/32", Values.cidr("192.0.2.5").toString());
    }
}
