package ops.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import ops.records.CallQuery;
import ops.records.CallRecord;
import ops.records.CallRecords;

/**
 * {@code /api/recordings} and {@code /api/voicemails}: finished calls that left a file, and
 * the file itself as audio/wav with Range support (a browser player seeks with it). The
 * client names a call, never a path: the file is the one the call's record holds.
 */
final class FilesApi {
    private static final String WAV = "audio/wav";
    /** Calls a listing reads past at most, looking for ones with a file. */
    static final int MAX_SCAN = 50_000;
    private static final int SCAN_PAGE = 1000;

    /** A call's file, and where to download it. */
    record FileJson(String callId, long arrivedMs, long endedMs, String queueId, String agentId, String callerNumber,
                    String dialed, long talkMs, String file, String url) {
    }

    private final CallRecords records;

    FilesApi(CallRecords records) {
        this.records = records;
    }

    void register(Routes routes) {
        routes.add("GET", "/api/recordings", r -> list(r, CallRecord::recordingFile, "/api/recordings/"))
                .add("GET", "/api/recordings/{callId}", r -> file(r.path("callId"), CallRecord::recordingFile, "recording"))
                .add("GET", "/api/voicemails", r -> list(r, CallRecord::voicemailFile, "/api/voicemails/"))
                .add("GET", "/api/voicemails/{callId}", r -> file(r.path("callId"), CallRecord::voicemailFile, "voicemail"));
    }

    private ApiResponse file(String callId, Function<CallRecord, String> fileOf, String what) {
        CallRecord call = records.get(callId).orElseThrow(() -> ApiException.notFound("finished call", callId));
        String file = fileOf.apply(call);
        if (file == null) {
            throw new ApiException(404, "call '" + callId + "' has no " + what);
        }
        return new ApiResponse.File(Path.of(file), WAV);
    }

    /**
     * The records can't be asked for "has a file", so this pages through the search and keeps
     * the calls that have one, up to {@link #MAX_SCAN} calls read; a narrower time range finds more.
     */
    private ApiResponse list(ApiRequest r, Function<CallRecord, String> fileOf, String urlPrefix) {
        CallQuery q = CallFilter.query(r, false);
        int skip = CallFilter.offset(r);
        int wanted = CallFilter.limit(r) + 1;
        List<FileJson> found = new ArrayList<>();
        for (int scanned = 0; scanned < MAX_SCAN && found.size() < wanted; scanned += SCAN_PAGE) {
            List<CallRecord> page = records.find(new CallQuery(q.fromMs(), q.toMs(), q.queueId(), q.agentId(),
                    null, null, scanned, SCAN_PAGE));
            for (CallRecord c : page) {
                String file = fileOf.apply(c);
                if (file == null || found.size() == wanted) {
                    continue;
                }
                if (skip > 0) {
                    skip--;
                } else {
                    found.add(new FileJson(c.callId(), c.arrivedMs(), c.endedMs(), c.queueId(), c.agentId(),
                            c.callerNumber(), c.dialed(), c.talkMs(), file, urlPrefix + segment(c.callId())));
                }
            }
            if (page.size() < SCAN_PAGE) {
                break;
            }
        }
        return ApiResponse.ok(CallFilter.page(r, found));
    }

    /** A SIP Call-ID as one path segment ('@' is fine there, '/' and '%' are not). */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }
}
