package ivr.dtmf;

/** RFC 4733 event codes 0-15 and the keys they stand for (0-9, *, #, A-D). */
public final class DtmfKeys {
    private static final String KEYS = "0123456789*#ABCD";

    private DtmfKeys() {
    }

    /** The key of event code 0-15, or 0 (no char) for other events such as flash (16). */
    public static char keyOf(int event) {
        return event >= 0 && event < KEYS.length() ? KEYS.charAt(event) : 0;
    }

    /** The event code of a key; lower-case a-d accepted. */
    public static int eventOf(char key) {
        int i = KEYS.indexOf(Character.toUpperCase(key));
        if (i < 0) {
            throw new IllegalArgumentException("not a DTMF key: '" + key + "'");
        }
        return i;
    }

    public static boolean isKey(char c) {
        return KEYS.indexOf(Character.toUpperCase(c)) >= 0;
    }
}
