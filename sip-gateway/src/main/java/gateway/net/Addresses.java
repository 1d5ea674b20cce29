package gateway.net;

import config.model.HostPort;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Addresses as log lines print them: {@code 192.0.2.7:5060}, {@code [2001:db8::7]:5060}, or
 * {@code pbx.example.net:5060} when unresolved (the bracketing of {@link HostPort}). Never
 * {@link InetSocketAddress#toString()}'s {@code /[0:0:0:0:0:0:0:1]:5060}; never a DNS lookup.
 */
public final class Addresses {
    private Addresses() {
    }

    /** {@code host:port}, {@code [v6]:port}, or {@code -} for none. */
    public static String of(InetSocketAddress address) {
        if (address == null) {
            return "-";
        }
        InetAddress ip = address.getAddress();
        return new HostPort(ip == null ? address.getHostString() : ip(ip), address.getPort()).toString();
    }

    /** The literal address, IPv6 compressed (RFC 5952: {@code ::1}, {@code 2001:db8::7}) and without brackets. */
    public static String ip(InetAddress ip) {
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
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLength - 1;
            } else {
                if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
                    s.append(':');
                }
                s.append(Integer.toHexString(groups[i]));
            }
        }
        return s.toString();
    }
}
