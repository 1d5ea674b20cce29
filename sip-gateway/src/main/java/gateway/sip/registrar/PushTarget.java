package gateway.sip.registrar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a phone that sleeps between calls is woken (RFC 8599): the {@code pn-provider},
 * {@code pn-param} and {@code pn-prid} URI parameters of its registered Contact, unescaped. They
 * live in the stored Contact itself, so they are kept and restored with the binding.
 *
 * @param param the provider's parameter (an app or project id); null when the phone sent none
 */
public record PushTarget(String provider, String param, String prid) {
    public PushTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(prid, "prid");
    }

    /** The push target in {@code contactUri}'s parameters, or null unless it names a provider and a prid. */
    public static PushTarget of(String contactUri) {
        if (!mentionsPush(contactUri)) {
            return null; // most phones: no parameter map built on each REGISTER and ring
        }
        Map<String, String> params = uriParameters(contactUri);
        String provider = params.get("pn-provider");
        String prid = params.get("pn-prid");
        if (provider == null || provider.isEmpty() || prid == null || prid.isEmpty()) {
            return null;
        }
        return new PushTarget(provider, params.get("pn-param"), prid);
    }

    /** Whether a {@code pn-} parameter may be there, any case: a scan without allocating. */
    private static boolean mentionsPush(String uri) {
        for (int i = uri.indexOf('-'); i >= 0; i = uri.indexOf('-', i + 1)) {
            if (i >= 2 && uri.regionMatches(true, i - 2, "pn-", 0, 3)) {
                return true;
            }
        }
        return false;
    }

    /** Parameters after the host, before any {@code ?headers}; names lower-cased, values unescaped. */
    private static Map<String, String> uriParameters(String uri) {
        Map<String, String> params = new HashMap<>();
        int headers = uri.indexOf('?');
        String[] parts = (headers < 0 ? uri : uri.substring(0, headers)).split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] nameValue = parts[i].split("=", 2);
            params.put(nameValue[0].trim().toLowerCase(Locale.ROOT), nameValue.length > 1 ? unescape(nameValue[1]) : "");
        }
        return params;
    }

    private static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && isHex(value, i + 1) && isHex(value, i + 2)) {
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /** The provider and the prid's length: what a log line may say (the prid is the device's token). */
    @Override
    public String toString() {
        return provider + " (prid of " + prid.length() + " chars)";
    }
}
