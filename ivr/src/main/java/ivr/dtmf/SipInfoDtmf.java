package ivr.dtmf;

import java.util.Locale;

/**
 * The key in a SIP INFO body: {@code application/dtmf-relay} ("Signal=5\r\nDuration=160") or
 * {@code application/dtmf} ("5"). Signals 10 and 11 are accepted for * and # as some phones
 * send event codes instead of keys.
 */
public final class SipInfoDtmf {
    public static final String DTMF_RELAY = "application/dtmf-relay";
    public static final String DTMF = "application/dtmf";

    private SipInfoDtmf() {
    }

    /** Whether an INFO with this Content-Type (parameters allowed) carries a key. */
    public static boolean isDtmf(String contentType) {
        String type = baseType(contentType);
        return type.equals(DTMF_RELAY) || type.equals(DTMF);
    }

    /**
     * @return the key, or 0 when the content type is not DTMF or the body names no valid key
     *         (the gateway then answers 415 or 400)
     */
    public static char parse(String contentType, String body) {
        if (body == null) {
            return 0;
        }
        String type = baseType(contentType);
        if (type.equals(DTMF)) {
            return key(body.trim());
        }
        if (type.equals(DTMF_RELAY)) {
            for (String line : body.split("\r?\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).trim().equalsIgnoreCase("Signal")) {
                    return key(line.substring(eq + 1).trim());
                }
            }
        }
        return 0;
    }

    /** The {@code application/dtmf-relay} body that sends {@code key}, held {@code durationMs}. */
    public static String relayBody(char key, int durationMs) {
        DtmfKeys.eventOf(key); // throws for a character that is not a key
        return "Signal=" + Character.toUpperCase(key) + "\r\nDuration=" + durationMs + "\r\n";
    }

    private static String baseType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static char key(String value) {
        if (value.length() == 1 && DtmfKeys.isKey(value.charAt(0))) {
            return Character.toUpperCase(value.charAt(0));
        }
        if (value.length() == 2 && value.charAt(0) == '1' && value.charAt(1) >= '0' && value.charAt(1) <= '5') {
            return DtmfKeys.keyOf(10 + value.charAt(1) - '0');
        }
        return 0;
    }
}
