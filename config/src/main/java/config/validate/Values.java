package config.validate;

import config.model.Cidr;
import config.model.HostPort;
import config.model.PortRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the scalar types of the config file: durations, addresses, ports, CIDR blocks. */
public final class Values {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private Values() {
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{2,20}");

    /** An id: letters, digits, '_', '.', '-', starting with a letter or digit. */
    public static String id(String text) throws BadValue {
        if (!ID.matcher(text).matches()) {
            throw new BadValue("bad id \"" + text + "\": use letters, digits, '_', '.' and '-', starting with a letter or digit");
        }
        return text;
    }

    /** A phone number dialed through a trunk: digits with an optional leading '+'. */
    public static String phoneNumber(String text) throws BadValue {
        String compact = text.replace(" ", "");
        if (!PHONE.matcher(compact).matches()) {
            throw new BadValue("bad phone number \"" + text + "\": expected digits with an optional leading +, e.g. \"+15550100001\"");
        }
        return compact;
    }

    /** "500ms", "15s", "2m", "1h", or a sum such as "1m30s". */
    public static Duration duration(String text) throws BadValue {
        Matcher m = DURATION.matcher(text.trim());
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new BadValue("duration \"" + text + "\" is too long");
            }
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.trim().length()) {
            throw new BadValue("bad duration \"" + text + "\": write a number and a unit, e.g. 500ms, 15s, 2m, 1h");
        }
        return total;
    }

    /** "host:port", "[v6]:port", or a bare host when {@code defaultPort} is positive. */
    public static HostPort hostPort(String text, int defaultPort) throws BadValue {
        return hostPort(text, defaultPort, 1);
    }

    /** "host:port" to listen on, where port 0 has the system pick a free one (tests, several servers on one host). */
    public static HostPort listenAddress(String text) throws BadValue {
        return hostPort(text, 0, 0);
    }

    private static HostPort hostPort(String text, int defaultPort, int lowestPort) throws BadValue {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new BadValue("bad address \"" + text + "\": missing ]");
            }
            host = text.substring(1, close);
            String rest = text.substring(close + 1);
            port = rest.isEmpty() ? null : rest.startsWith(":") ? rest.substring(1) : "?";
        } else {
            int colon = text.lastIndexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (port == null) {
            if (defaultPort <= 0) {
                throw new BadValue("bad address \"" + text + "\": expected host:port, e.g. 0.0.0.0:5060");
            }
            return new HostPort(checkHost(host, text), defaultPort);
        }
        return new HostPort(checkHost(host, text), port(port, text, lowestPort));
    }

    private static String checkHost(String host, String text) throws BadValue {
        if (host.isEmpty() || !(isIpLiteral(host) || HOSTNAME.matcher(host).matches())) {
            throw new BadValue("bad address \"" + text + "\": \"" + host + "\" is not a host name or IP address");
        }
        return host;
    }

    private static int port(String s, String text, int lowest) throws BadValue {
        try {
            int p = Integer.parseInt(s);
            if (p >= lowest && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadValue("bad port \"" + s + "\" in \"" + text + "\": expected " + lowest + "..65535");
    }

    /** "20000-20999": an inclusive range of at least two ports within 1024..65535, starting even. */
    public static PortRange portRange(String text) throws BadValue {
        String[] parts = text.split("-", -1);
        if (parts.length != 2) {
            throw new BadValue("bad port range \"" + text + "\": expected first-last, e.g. 20000-20999");
        }
        int first;
        int last;
        try {
            first = Integer.parseInt(parts[0].trim());
            last = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new BadValue("bad port range \"" + text + "\": expected first-last, e.g. 20000-20999");
        }
        if (first < 1024 || last > 65535) {
            throw new BadValue("bad port range \"" + text + "\": ports must lie within 1024..65535");
        }
        if (last <= first) {
            throw new BadValue("bad port range \"" + text + "\": the last port must be above the first");
        }
        if (first % 2 != 0) {
            throw new BadValue("bad port range \"" + text + "\": RTP uses even ports, so the range must start on an even port");
        }
        return new PortRange(first, last);
    }

    /** "198.51.100.0/24", "2001:db8::/32", or a single address. */
    public static Cidr cidr(String text) throws BadValue {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        InetAddress ip = ipLiteral(addr).orElseThrow(() -> new BadValue("bad CIDR \"" + text + "\": \"" + addr + "\" is not an IP address"));
        int max = ip.getAddress().length * 8;
        int prefix = max;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > max) {
                throw new BadValue("bad CIDR \"" + text + "\": prefix length must be 0.." + max);
            }
        }
        Cidr block = new Cidr(ip, prefix);
        Cidr network = new Cidr(masked(ip, prefix), prefix);
        if (!block.network().equals(network.network())) {
            throw new BadValue("bad CIDR \"" + text + "\": host bits are set (did you mean " + network + "?)");
        }
        return block;
    }

    private static InetAddress masked(InetAddress ip, int prefix) {
        byte[] b = ip.getAddress();
        for (int i = 0; i < b.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            b[i] &= (byte) (bits == 0 ? 0 : (0xff << (8 - bits)));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isIpLiteral(String s) {
        return ipLiteral(s).isPresent();
    }

    /** Parses an IP literal without ever asking DNS (a host name gives empty). */
    static java.util.Optional<InetAddress> ipLiteral(String s) {
        Matcher v4 = IPV4.matcher(s);
        if (v4.matches()) {
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(v4.group(i + 1));
                if (octet > 255) {
                    return java.util.Optional.empty();
                }
                b[i] = (byte) octet;
            }
            return java.util.Optional.of(addressOf(b));
        }
        if (s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+")) {
            try {
                // a literal containing ':' is parsed, never looked up
                return java.util.Optional.of(InetAddress.getByName(s));
            } catch (UnknownHostException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    private static InetAddress addressOf(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
