package ops.http;

import static ops.http.AgentsApiTest.assertError;
import static ops.http.AgentsApiTest.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recordings and voicemails: listed from the records, streamed from disk whole or by Range. */
class FilesApiTest {
    @TempDir
    Path dir;
    private AdminRig rig;
    private LogCapture log;
    private byte[] wav;

    @BeforeEach
    void start() throws Exception {
        rig = new AdminRig();
        log = new LogCapture();
        wav = new byte[1000];
        for (int i = 0; i < wav.length; i++) {
            wav[i] = (byte) (i * 7);
        }
        Path rec = Files.write(dir.resolve("rec1.wav"), wav);
        Path vm = Files.write(dir.resolve("vm1.wav"), Arrays.copyOf(wav, 10));
        rig.records.calls.add(Fakes.record("rec1", AdminRig.T0 - 3000, "sales", "a", "answered", rec.toString(), null));
        rig.records.calls.add(Fakes.record("plain", AdminRig.T0 - 2000, "sales", "a", "answered", null, null));
        rig.records.calls.add(Fakes.record("vm1", AdminRig.T0 - 1000, "sales", null, "voicemail", null, vm.toString()));
        rig.records.calls.add(Fakes.record("gone", AdminRig.T0 - 500, "sales", "a", "answered",
                dir.resolve("gone.wav").toString(), null));
    }

    @AfterEach
    void stop() {
        rig.closeQuiet(log);
    }

    @Test
    void listsOnlyCallsWithTheirKindOfFile() throws Exception {
        JsonNode recordings = json(rig.get("/api/recordings?queue=sales"), 200).get("calls");
        assertEquals(2, recordings.size());
        assertEquals("gone", recordings.get(0).get("callId").asText());
        assertEquals("/api/recordings/rec1", recordings.get(1).get("url").asText());
        JsonNode voicemails = json(rig.get("/api/voicemails"), 200).get("calls");
        assertEquals(1, voicemails.size());
        assertEquals("/api/voicemails/vm1", voicemails.get(0).get("url").asText());
        assertEquals(1, json(rig.get("/api/recordings?limit=1&offset=1"), 200).get("calls").size());
        assertError(rig.get("/api/recordings?agent="), 400, "parameter 'agent' is ''");
    }

    @Test
    void wholeFileIs200WithAcceptRanges() throws Exception {
        HttpResponse<byte[]> r = rig.bytes(rig.request("/api/recordings/rec1").GET());
        assertEquals(200, r.statusCode());
        assertEquals("audio/wav", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("bytes", r.headers().firstValue("Accept-Ranges").orElseThrow());
        assertEquals("1000", r.headers().firstValue("Content-Length").orElseThrow());
        assertArrayEquals(wav, r.body());
        assertArrayEquals(Arrays.copyOf(wav, 10), rig.bytes(rig.request("/api/voicemails/vm1").GET()).body());
    }

    @Test
    void downloadIsAnAttachmentNamedAfterTheCall() throws Exception {
        HttpResponse<byte[]> r = rig.bytes(rig.request("/api/recordings/rec1?download=1").GET());
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"rec1.wav\"", r.headers().firstValue("Content-Disposition").orElseThrow());
        assertArrayEquals(wav, r.body());
        HttpResponse<byte[]> vm = rig.bytes(rig.request("/api/voicemails/vm1?download=true").header("Range", "bytes=0-3").GET());
        assertEquals(206, vm.statusCode());
        assertEquals("attachment; filename=\"vm1.wav\"", vm.headers().firstValue("Content-Disposition").orElseThrow());
        assertTrue(rig.bytes(rig.request("/api/recordings/rec1").GET()).headers().firstValue("Content-Disposition").isEmpty());
        assertTrue(rig.bytes(rig.request("/api/recordings/rec1?download=0").GET()).headers()
                .firstValue("Content-Disposition").isEmpty());
        assertError(rig.get("/api/recordings/rec1?download=yes"), 400, "parameter 'download' is 'yes'");
    }

    @Test
    void aDownloadNameKeepsOnlySafeCharactersOfTheCallId() throws Exception {
        String id = "a\"b/c d@host.example";
        Files.write(dir.resolve("odd.wav"), wav);
        rig.records.calls.add(Fakes.record(id, AdminRig.T0 - 100, "sales", "a", "answered",
                dir.resolve("odd.wav").toString(), null));
        HttpResponse<byte[]> r = rig.bytes(rig.request("/api/recordings/" + FilesApi.segment(id) + "?download=1").GET());
        assertEquals(200, r.statusCode());
        assertEquals("attachment; filename=\"a_b_c_d@host.example.wav\"",
                r.headers().firstValue("Content-Disposition").orElseThrow());
    }

    @Test
    void aRangeIs206WithContentRange() throws Exception {
        HttpResponse<byte[]> mid = rig.bytes(rig.request("/api/recordings/rec1").header("Range", "bytes=100-199").GET());
        assertEquals(206, mid.statusCode());
        assertEquals("bytes 100-199/1000", mid.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(wav, 100, 200), mid.body());

        HttpResponse<byte[]> tail = rig.bytes(rig.request("/api/recordings/rec1").header("Range", "bytes=-100").GET());
        assertEquals(206, tail.statusCode());
        assertEquals("bytes 900-999/1000", tail.headers().firstValue("Content-Range").orElseThrow());
        assertArrayEquals(Arrays.copyOfRange(wav, 900, 1000), tail.body());

        HttpResponse<byte[]> open = rig.bytes(rig.request("/api/recordings/rec1").header("Range", "bytes=990-").GET());
        assertArrayEquals(Arrays.copyOfRange(wav, 990, 1000), open.body());
    }

    @Test
    void aRangePastTheEndIs416() throws Exception {
        HttpResponse<String> r = rig.send(rig.request("/api/recordings/rec1").header("Range", "bytes=1000-1099").GET());
        assertError(r, 416, "outside the file's 1000 bytes");
        assertEquals("bytes */1000", r.headers().firstValue("Content-Range").orElseThrow());
    }

    @Test
    void unknownCallNoRecordingAndAMissingFileAre404() throws Exception {
        assertError(rig.get("/api/recordings/nope"), 404, "no finished call 'nope'");
        assertError(rig.get("/api/recordings/plain"), 404, "call 'plain' has no recording");
        assertError(rig.get("/api/voicemails/rec1"), 404, "call 'rec1' has no voicemail");
        assertError(rig.get("/api/recordings/gone"), 404, "gone.wav is not on disk");
    }
}
