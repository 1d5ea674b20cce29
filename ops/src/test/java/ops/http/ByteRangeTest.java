package ops.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void singleRangesAreServedAndEverythingElseIsTheWholeFile() {
        assertEquals("PARTIAL bytes 0-0/10", show(ByteRange.of("bytes=0-0", 10)));
        assertEquals("PARTIAL bytes 5-9/10", show(ByteRange.of("bytes=5-100", 10)));
        assertEquals("PARTIAL bytes 0-9/10", show(ByteRange.of("bytes=-100", 10)));
        assertEquals("PARTIAL bytes 7-9/10", show(ByteRange.of("bytes=7-", 10)));
        assertEquals("WHOLE bytes 0-9/10", show(ByteRange.of(null, 10)));
        assertEquals("WHOLE bytes 0-9/10", show(ByteRange.of("bytes=0-1,4-5", 10)));
        assertEquals("WHOLE bytes 0-9/10", show(ByteRange.of("items=0-1", 10)));
        assertEquals("WHOLE bytes 0-9/10", show(ByteRange.of("bytes=5-2", 10)));
        assertEquals("WHOLE bytes 0-9/10", show(ByteRange.of("bytes=x-2", 10)));
        assertEquals("UNSATISFIABLE bytes */10", show(ByteRange.of("bytes=10-", 10)));
        assertEquals("UNSATISFIABLE bytes */10", show(ByteRange.of("bytes=-0", 10)));
        assertEquals("UNSATISFIABLE bytes */0", show(ByteRange.of("bytes=-5", 0)));
        assertEquals(0, ByteRange.of(null, 0).length());
    }

    private static String show(ByteRange r) {
        return r.kind() + " " + r.contentRange();
    }
}
