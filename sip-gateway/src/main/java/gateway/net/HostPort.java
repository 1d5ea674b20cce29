package gateway.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * An address as log lines print it: {@code 192.0.2.7:5060}, {@code [2001:db8::7]:5060}, or
 * {@code pbx.example.net:5060} when unresolved. Never {@link InetSocketAddress#toString()}'s
 * {@code /[0:0:0:0:0:0:0:1]:5060}; never a DNS lookup (a log line must not block).
 */
public final class HostPort {
    private HostPort() {
    }

    /** {@code host:port}, {@code [v6]:port}, or {@code -} for none. */
    public static String of(InetSocketAddress address) {
        if (address == null) {
            return "-";
        }
        InetAddress ip = address.getAddress();
        String host = ip == null ? address.getHostString() : host(ip);
        return host + ":" + address.getPort();
    }

    /** The literal address: IPv6 compressed (RFC 5952) and bracketed. */
    public static String host(InetAddress ip) {
        if (!(ip instanceof Inet6Address)) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952: a lone zero group is not shortened
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
            } else {
                if (s.length() > 1 && s.charAt(s.length() - 1) != ':') {
                    s.append(':');
                }
                s.append(Integer.toHexString(groups[i]));
            }
        }
        return s.append(']').toString();
    }
}
