package config.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.Cidr;
import config.model.HostPort;
import config.model.PortRange;
import java.net.InetAddress;
import java.time.Duration;
import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {
    @Test
    void durations() throws BadValue {
        assertEquals(Duration.ofMillis(500), Values.duration("500ms"));
        assertEquals(Duration.ofSeconds(15), Values.duration("15s"));
        assertEquals(Duration.ofMinutes(2), Values.duration("2m"));
        assertEquals(Duration.ofHours(1), Values.duration("1h"));
        assertEquals(Duration.ofSeconds(90), Values.duration("1m30s"));
        assertEquals(Duration.ZERO, Values.duration("0s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15", "s", "15 s", "1.5s", "-1s", "15sec", "2d", "1m 30s", "99999999999999999999h"})
    void badDurations(String text) {
        assertThrows(BadValue.class, () -> Values.duration(text));
    }

    @Test
    void addresses() throws BadValue {
        assertEquals(new HostPort("0.0.0.0", 5060), Values.hostPort("0.0.0.0:5060", 0));
        assertEquals(new HostPort("sip.example.net", 5060), Values.hostPort("sip.example.net", 5060));
        assertEquals(new HostPort("2001:db8::1", 5080), Values.hostPort("[2001:db8::1]:5080", 0));
        assertEquals("[2001:db8::1]:5080", new HostPort("2001:db8::1", 5080).toString());
        assertThrows(BadValue.class, () -> Values.hostPort("host:0", 0));
        assertEquals(new HostPort("127.0.0.1", 0), Values.listenAddress("127.0.0.1:0"), "a listener may ask for any free port");
        assertThrows(BadValue.class, () -> Values.listenAddress("127.0.0.1"));
        assertThrows(BadValue.class, () -> Values.hostPort("host:http", 0));
        assertThrows(BadValue.class, () -> Values.hostPort("-bad-:5060", 0));
        assertThrows(BadValue.class, () -> Values.hostPort("[::1", 0));
    }

    @Test
    void portRanges() throws BadValue {
        assertEquals(new PortRange(20000, 20999), Values.portRange("20000-20999"));
        assertEquals(1000, Values.portRange("20000-20999").size());
        for (String bad : List.of("20000", "20000-", "a-b", "b-a", "1000-2000", "20000-70000", "20000-20000", "20001-20999", "1-2-3")) {
            assertThrows(BadValue.class, () -> Values.portRange(bad), bad);
        }
    }

    @Test
    void cidrBlocks() throws Exception {
        Cidr block = Values.cidr("198.51.100.0/24");
        assertTrue(block.contains(InetAddress.getByName("198.51.100.7")));
        assertFalse(block.contains(InetAddress.getByName("198.51.101.7")));
        assertFalse(block.contains(InetAddress.getByName("::1")));
        assertEquals(32, Values.cidr("192.0.2.5").prefixLength());
        assertTrue(Values.cidr("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9")));
        assertTrue(Values.cidr("2001:db8::/32").contains(InetAddress.getByName("2001:db8:ffff::1")));
        assertTrue(Values.cidr("10.0.0.0/9").contains(InetAddress.getByName("10.127.255.255")));
        assertFalse(Values.cidr("10.0.0.0/9").contains(InetAddress.getByName("10.128.0.0")));
        for (String bad : List.of("256.0.0.0/8", "10.0.0.0/33", "10.0.0.1/8", "example.com", "10.0.0.0/x", "1.2.3/24")) {
            assertThrows(BadValue.class, () -> Values.cidr(bad), bad);
        }
    }

    @Test
    void phoneNumbersAndIds() throws BadValue {
        assertEquals("+15550100001", Values.phoneNumber("+1 555 0100 001"));
        assertThrows(BadValue.class, () -> Values.phoneNumber("call me"));
        assertEquals("support-2.b_x", Values.id("support-2.b_x"));
        assertThrows(BadValue.class, () -> Values.id("-x"));
        assertThrows(BadValue.class, () -> Values.id("a b"));
    }

    @Test
    void weekdays() {
        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                NumbersSection.days("mon-fri"));
        assertEquals(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), NumbersSection.days("sat,sun"));
        assertEquals(List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY), NumbersSection.days("fri-mon"));
        assertEquals(null, NumbersSection.days("monday"));
        assertEquals(null, NumbersSection.days("mon-tue-wed"));
    }

    @Test
    void suggestions() {
        assertEquals(" (did you mean \"ringTimeout\"?)", Suggest.didYouMean("ringTimout", List.of("ringTimeout", "maxWaitTime")));
        assertEquals("", Suggest.didYouMean("colour", List.of("ringTimeout", "maxWaitTime")));
        assertEquals(1, Suggest.distance("alcie", "alice"));
    }
}
