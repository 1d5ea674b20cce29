package ops.http;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import ops.records.CallQuery;

/**
 * The finished-call search parameters shared by {@code /api/calls}, {@code /api/recordings}
 * and {@code /api/voicemails}: {@code from}/{@code to} (ISO-8601; a date or local time is taken
 * in {@code zone}, default UTC), {@code queue}, {@code agent}, {@code offset}, {@code limit}.
 */
final class CallFilter {
    static final int DEFAULT_LIMIT = 50;
    /** One below {@link CallQuery}'s cap: one row more than asked tells whether there is a next page. */
    static final int MAX_LIMIT = 999;

    private CallFilter() {
    }

    /** Parameters that only a search of finished calls takes. */
    static final List<String> FINISHED_ONLY = List.of("from", "to", "queue", "agent", "outcome", "number", "offset", "limit");

    /** A page of finished calls and whether more follow. */
    record Page<T>(boolean live, int offset, int limit, boolean more, List<T> calls) {
    }

    /**
     * The query the request asks for, with one row more than its limit (see {@link #MAX_LIMIT});
     * {@code file} keeps only the calls that left one (null: every call).
     */
    static CallQuery query(ApiRequest r, boolean withOutcomeAndNumber, CallQuery.FileKind file) {
        ZoneId zone = r.zoneParam("zone");
        Instant from = r.instantParam("from", zone);
        Instant to = r.instantParam("to", zone);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ApiException(400, "parameter 'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        return new CallQuery(from == null ? null : from.toEpochMilli(), to == null ? null : to.toEpochMilli(),
                blankToNull(r, "queue"), blankToNull(r, "agent"),
                withOutcomeAndNumber ? blankToNull(r, "outcome") : null,
                withOutcomeAndNumber ? blankToNull(r, "number") : null,
                file, offset(r), limit(r) + 1);
    }

    static int offset(ApiRequest r) {
        return r.intParam("offset", 0, 0, 1_000_000);
    }

    static int limit(ApiRequest r) {
        return r.intParam("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
    }

    /** A page from rows fetched with one more than the limit. */
    static <T> Page<T> page(ApiRequest r, List<T> rows) {
        int limit = limit(r);
        boolean more = rows.size() > limit;
        return new Page<>(false, offset(r), limit, more, more ? rows.subList(0, limit) : rows);
    }

    private static String blankToNull(ApiRequest r, String name) {
        String v = r.param(name);
        if (v != null && v.isBlank()) {
            throw ApiException.badParameter(name, v, "a non-empty value");
        }
        return v;
    }
}
