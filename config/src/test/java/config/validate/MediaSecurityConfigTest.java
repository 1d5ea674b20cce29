package config.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.model.MediaSecurity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code media: rtp | srtp | any} on agents and trunks: read, defaulted, and SRTP refused on a trunk without TLS. */
class MediaSecurityConfigTest {
    private static final String HEAD = """
            sip: { domain: acd.example.com }
            http: { token: t }
            """;

    @TempDir
    Path dir;

    @Test
    void agentsAndTrunksReadTheirMediaAndDefaultToAny() {
        LoadResult r = new ConfigLoader(Map.of()).parse(HEAD + """
                trunks:
                  - { id: t1, address: 192.0.2.1, media: rtp }
                  - { id: t2, address: 192.0.2.2 }
                agents:
                  - { id: a, extension: "1", password: p, media: srtp }
                  - { id: b, extension: "2", password: p, media: rtp }
                  - { id: c, extension: "3", password: p }
                """, dir.resolve("acd.yaml"));
        assertTrue(r.ok(), () -> r.errors().toString());
        assertEquals(List.of(MediaSecurity.RTP, MediaSecurity.ANY),
                r.config().trunks().stream().map(t -> t.media()).toList());
        assertEquals(List.of(MediaSecurity.SRTP, MediaSecurity.RTP, MediaSecurity.ANY),
                r.config().agents().stream().map(a -> a.media()).toList());
    }

    @Test
    void srtpOnATrunkWithoutTlsAndUnknownValuesAreErrorsWithTheirPlace() {
        LoadResult r = new ConfigLoader(Map.of()).parse(HEAD + """
                trunks:
                  - { id: t1, address: 192.0.2.1, media: srtp }
                agents:
                  - { id: a, extension: "1", password: p, media: zrtp }
                """, dir.resolve("acd.yaml"));
        assertEquals(List.of(
                "acd.yaml:4:42: trunks[0].media: srtp needs a trunk signalled over TLS (SDES keys travel in the SDP);"
                        + " use any or rtp",
                "acd.yaml:6:50: agents[0].media: unknown media \"zrtp\" (did you mean \"rtp\"?); expected one of rtp, srtp, any"),
                r.errors().stream().map(e -> e.toString().replace(dir + "/", "")).toList());
    }
}
