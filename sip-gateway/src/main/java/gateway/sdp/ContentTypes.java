package gateway.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A MIME Content-Type value taken apart: {@code type/subtype} then {@code name=value} parameters, quotes honoured. */
public final class ContentTypes {
    private ContentTypes() {
    }

    /** The value split at the semicolons outside quotes, each trimmed; the first is the media type. */
    public static List<String> fields(String value) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < value.length()) {
                field.append(c).append(value.charAt(++i));
                continue;
            } else if (c == ';' && !quoted) {
                fields.add(field.toString().trim());
                field.setLength(0);
                continue;
            }
            field.append(c);
        }
        fields.add(field.toString().trim());
        return fields;
    }

    /** The parameter {@code name}'s value without quotes or escapes, or null. */
    public static String parameter(List<String> fields, String name) {
        for (String f : fields.subList(1, fields.size())) {
            int eq = f.indexOf('=');
            if (eq > 0 && f.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return unquote(f.substring(eq + 1).trim());
            }
        }
        return null;
    }

    /** A token as is; a quoted string without its quotes and backslash escapes. */
    public static String unquote(String v) {
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return v;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length() - 1) {
                c = v.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
