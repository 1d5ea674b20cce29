package gateway.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import config.validate.ConfigLoader;
import config.validate.LoadResult;
import gateway.testkit.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The config sections of a server on loopback for the server-level tests: SIP on a free port,
 * RTP on a random range, the admin API on a free port, a trunk at 127.0.0.2 and agents alice
 * (1001) and bob (1002), passwords {@code pw-<extension>}. Tests add their queues and numbers,
 * and start a server from the whole with {@link #start}.
 */
public final class TwoAgentServer {
    public static final String DOMAIN = "acd.test";
    public static final String TRUNK = "127.0.0.2";
    /** The admin API's bearer token. */
    public static final String TOKEN = "t";

    private TwoAgentServer() {
    }

    /**
     * @param http     more of the http section, e.g. {@code ", metricsToken: x"}, or ""
     * @param storage  more of the storage section, e.g. {@code ", database: \"...\""}, or ""
     */
    public static String yaml(int sipPort, String http, String storage) throws IOException {
        return yaml(sipPort, http, storage, "");
    }

    /** @param rtpMore more of the rtp section, e.g. {@code ", timeout: 2s"}, or "" */
    public static String yaml(int sipPort, String http, String storage, String rtpMore) throws IOException {
        return yaml(sipPort, TOKEN, http, storage, rtpMore);
    }

    /** @param token the admin API's bearer token, for a test that needs one that cannot be mistaken for other text */
    public static String yaml(int sipPort, String token, String http, String storage, String rtpMore) throws IOException {
        int rtp = 30_000 + 2 * ThreadLocalRandom.current().nextInt(0, 10_000);
        return """
                sip: { listen: 127.0.0.1:%d, domain: %s, advertise: 127.0.0.1 }
                rtp: { ports: %d-%d%s }
                http: { listen: 127.0.0.1:%d, token: %s%s }
                storage: { dir: data%s }
                trunks:
                  - { id: carrier, address: %s:5060, allow: [%s/32] }
                agents:
                  - { id: alice, extension: "1001", password: pw-1001 }
                  - { id: bob, extension: "1002", password: pw-1002 }
                """.formatted(sipPort, DOMAIN, rtp, rtp + 199, rtpMore, FreePorts.tcp(), token, http, storage, TRUNK, TRUNK);
    }

    /** Writes {@code yaml} to {@code dir}/acd.yaml (where a reload reads it) and starts a server from it. */
    public static ServerMain start(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, yaml);
        LoadResult loaded = new ConfigLoader().load(file);
        assertTrue(loaded.ok(), () -> "config errors: " + loaded.errors());
        return ServerMain.start(loaded.config(), new ConfigLoader());
    }
}
