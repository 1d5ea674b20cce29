package ops.http;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the route handlers see it: copied out of Netty's buffers on the event
 * loop, so handlers run on worker threads with nothing to release. Parameter getters throw
 * {@link ApiException} 400s that name the parameter and its value. {@code caller} is who is
 * asking, for handlers that answer a viewer with less (masked caller numbers).
 */
record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, String> pathParams,
                  Map<String, String> headers, byte[] body, Access.Caller caller) {

    /** Who is asking: an admin, or a viewer (the wallboard token). */
    Role role() {
        return caller.role();
    }

    /** A path parameter ({@code {id}} in the route). */
    String path(String name) {
        return pathParams.get(name);
    }

    /** A header by lower-case name, or null. */
    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean has(String name) {
        return query.containsKey(name);
    }

    /** The parameter's last value, or null when absent. */
    String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    int intParam(String name, int absent, int min, int max) {
        String v = param(name);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw ApiException.badParameter(name, v, "an integer in " + min + ".." + max);
    }

    boolean boolParam(String name, boolean absent) {
        String v = param(name);
        if (v == null) {
            return absent;
        }
        return switch (v) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw ApiException.badParameter(name, v, "true or false (1 or 0)");
        };
    }

    <E extends Enum<E>> E enumParam(String name, Class<E> type, E absent) {
        String v = param(name);
        if (v == null) {
            return absent;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            throw ApiException.badParameter(name, v, "one of " + String.join(", ", allowed));
        }
    }

    ZoneId zoneParam(String name) {
        String v = param(name);
        if (v == null) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw ApiException.badParameter(name, v, "a time zone id such as Europe/Tallinn or UTC");
        }
    }

    /**
     * An ISO-8601 time: an instant with an offset ({@code 2026-01-05T08:00:00Z},
     * {@code 2026-01-05T10:00+02:00}), or a local date-time or date taken in {@code zone}.
     */
    Instant instantParam(String name, ZoneId zone) {
        String raw = param(name);
        if (raw == null) {
            return null;
        }
        // an unencoded '+' of an offset arrives as a space
        String v = raw.replace(' ', '+');
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
            if (v.endsWith("Z") || v.lastIndexOf('+') > 9 || v.lastIndexOf('-') > 9) {
                return OffsetDateTime.parse(v).toInstant();
            }
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw ApiException.badParameter(name, v, "an ISO-8601 date or date-time, e.g. 2026-01-05T08:00:00Z");
        }
    }

    Instant requiredInstant(String name, ZoneId zone) {
        Instant at = instantParam(name, zone);
        if (at == null) {
            throw new ApiException(400, "parameter '" + name + "' is required");
        }
        return at;
    }
}
