package gateway.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void printsIpv4AsHostColonPort() throws Exception {
        assertEquals("127.0.0.1:25102", Addresses.of(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 25102)));
    }

    @Test
    void printsIpv6CompressedInBrackets() throws Exception {
        assertEquals("[::1]:5060", Addresses.of(new InetSocketAddress(InetAddress.getByName("::1"), 5060)));
        assertEquals("[2001:db8::7]:5061", Addresses.of(new InetSocketAddress(InetAddress.getByName("2001:db8:0:0:0:0:0:7"), 5061)));
        assertEquals("[2001:db8:0:1:1:1:1:1]:5060",
                Addresses.of(new InetSocketAddress(InetAddress.getByName("2001:db8:0:1:1:1:1:1"), 5060)));
        assertEquals("[2001:0:0:1::1]:5060", Addresses.of(new InetSocketAddress(InetAddress.getByName("2001:0:0:1:0:0:0:1"), 5060)));
        assertEquals("[::]:5060", Addresses.of(new InetSocketAddress(InetAddress.getByName("::"), 5060)));
    }

    @Test
    void printsAnUnresolvedNameWithoutLookingItUp() {
        assertEquals("pbx.example.net:5060", Addresses.of(InetSocketAddress.createUnresolved("pbx.example.net", 5060)));
    }

    @Test
    void printsADashForNoAddress() {
        assertEquals("-", Addresses.of(null));
    }
}
