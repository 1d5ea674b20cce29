package ops.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import ops.records.CallQuery.FileKind;
import ops.records.CallRecord;
import ops.records.CallRecords;

/**
 * {@code /api/recordings} and {@code /api/voicemails}: finished calls that left a file, and
 * the file itself as audio/wav with Range support (a browser player seeks with it), or with
 * {@code download=1} as an attachment named after the call. The client names a call, never a
 * path: the file is the one the call's record holds.
 */
final class FilesApi {
    private static final String WAV = "audio/wav";
    /** Characters a Call-ID may hold that have no place in a header's quoted file name or on a disk. */
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[^A-Za-z0-9._@-]");

    /** A call's file, and where to download it. */
    record FileJson(String callId, long arrivedMs, long endedMs, String queueId, String agentId, String callerNumber,
                    String dialed, long talkMs, String file, String url) {
    }

    private final CallRecords records;

    FilesApi(CallRecords records) {
        this.records = records;
    }

    void register(Routes routes) {
        routes.add("GET", "/api/recordings", r -> list(r, FileKind.RECORDING, "/api/recordings/"))
                .add("GET", "/api/recordings/{callId}", r -> file(r, FileKind.RECORDING, "recording"))
                .add("GET", "/api/voicemails", r -> list(r, FileKind.VOICEMAIL, "/api/voicemails/"))
                .add("GET", "/api/voicemails/{callId}", r -> file(r, FileKind.VOICEMAIL, "voicemail"));
    }

    private ApiResponse file(ApiRequest r, FileKind kind, String what) {
        String callId = r.path("callId");
        boolean download = r.boolParam("download", false); // save rather than play
        CallRecord call = records.get(callId).orElseThrow(() -> ApiException.notFound("finished call", callId));
        String file = kind.of(call);
        if (file == null) {
            throw new ApiException(404, "call '" + callId + "' has no " + what);
        }
        Map<String, String> headers = download
                ? Map.of("Content-Disposition", "attachment; filename=\"" + fileName(callId) + "\"")
                : Map.of();
        return new ApiResponse.File(Path.of(file), WAV, headers);
    }

    /** {@code <callId>.wav}, with anything a quoted header value or a file system would choke on as '_'. */
    static String fileName(String callId) {
        return UNSAFE_IN_NAME.matcher(callId).replaceAll("_") + ".wav";
    }

    /** The search's calls that left a file of this kind: the records filter on it, so one query. */
    private ApiResponse list(ApiRequest r, FileKind kind, String urlPrefix) {
        List<FileJson> found = records.find(CallFilter.query(r, false, kind)).stream()
                .map(c -> new FileJson(c.callId(), c.arrivedMs(), c.endedMs(), c.queueId(), c.agentId(),
                        c.callerNumber(), c.dialed(), c.talkMs(), kind.of(c), urlPrefix + segment(c.callId())))
                .toList();
        return ApiResponse.ok(CallFilter.page(r, found));
    }

    /** A SIP Call-ID as one path segment ('@' is fine there, '/' and '%' are not). */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("%40", "@");
    }
}
