package gateway.sdp;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Our side of one SDP session (one per call leg): the {@code o=} line we keep for its whole life.
 * The version goes up whenever a new description differs from the last one, and stays put when
 * a re-offer repeats it unchanged (RFC 3264 section 8). Used on the leg's event loop only.
 */
public final class LocalSession {
    private final String address;
    private final long sessionId;
    private long version;
    private List<MediaDescription> last;

    public LocalSession(String address) {
        this.address = address;
        this.sessionId = ThreadLocalRandom.current().nextLong(1, 1L << 40);
        this.version = sessionId;
    }

    public String address() {
        return address;
    }

    public long version() {
        return version;
    }

    SessionDescription describe(List<MediaDescription> media) {
        if (last != null && !last.equals(media)) {
            version++;
        }
        last = media;
        Connection c = Connection.of(address);
        Origin origin = new Origin("acd", Long.toString(sessionId), Long.toString(version), c);
        return new SessionDescription(origin, "acd", c, List.of(), media);
    }
}
