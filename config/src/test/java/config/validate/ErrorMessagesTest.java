package config.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import config.Wavs;
import config.model.AcdConfig;
import config.model.SipTcp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests: the exact text of each error, with file, line, column and path, several per run. */
class ErrorMessagesTest {
    private static final String HEAD = """
            sip: { domain: acd.example.com }
            http: { token: t }
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void sounds() throws IOException {
        Wavs.write(dir.resolve("sounds/welcome.wav"));
        Files.writeString(dir.resolve("sounds/text.wav"), "not audio");
        Wavs.write(dir.resolve("sounds/stereo.wav"), new AudioFormat(8000, 16, 2, true, false));
        Wavs.write(dir.resolve("sounds/odd-rate.wav"), new AudioFormat(11025, 16, 1, true, false));
        Wavs.write(dir.resolve("sounds/eight-bit.wav"), new AudioFormat(8000, 8, 1, false, false));
        Wavs.write(dir.resolve("sounds/wideband.wav"), new AudioFormat(16000, 16, 1, true, false));
        Wavs.write(dir.resolve("sounds/ulaw.wav"), new AudioFormat(AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false));
    }

    private List<String> errors(String yaml) {
        return errors(yaml, Map.of());
    }

    private List<String> errors(String yaml, Map<String, String> env) {
        LoadResult r = new ConfigLoader(env).parse(yaml, dir.resolve("acd.yaml"));
        assertFalse(r.ok(), "expected errors");
        return r.errors().stream().map(e -> e.toString().replace(dir + "/", "")).toList();
    }

    @Test
    void digestAlgorithmsAreCheckedEachOnItsOwn() {
        assertEquals(List.of(
                "acd.yaml:1:27: sip.digest: an algorithm is listed twice: [MD5, MD5]",
                "acd.yaml:1:33: sip.digest[1]: unknown digest algorithm \"SHA1\"; expected MD5 or SHA-256"),
                errors("""
                        sip: { domain: a, digest: [MD5, SHA1, md5] }
                        http: { token: t }
                        """));
    }

    @Test
    void natModesAndAgentsDigestAreCheckedWithTheirPlace() {
        assertEquals(List.of(
                "acd.yaml:1:24: sip.nat: unknown nat \"sometimes\"; expected one of auto, always, never",
                "acd.yaml:5:48: agents[0].nat: unknown nat \"alway\" (did you mean \"always\"?); expected one of auto, always, never",
                "acd.yaml:5:69: agents[0].digest[1]: unknown digest algorithm \"SHA-1\"; expected MD5 or SHA-256",
                "acd.yaml:6:36: agents[1].nat: applies to registered phones: needs an extension"),
                errors("""
                        sip: { domain: a, nat: sometimes }
                        http: { token: t }
                        trunks: [ { id: t, address: 192.0.2.1 } ]
                        agents:
                          - { id: a, extension: "1", password: p, nat: alway, digest: [MD5, SHA-1] }
                          - { id: b, device: "+1555", nat: never }
                        """));
    }

    @Test
    void sessionTimersAreWholeSecondsAndMinSeKeepsTheRfcFloorUnlessAllowed() {
        assertEquals(List.of(
                "acd.yaml:2:29: sip.sessionTimers.expires: must be whole seconds: SIP carries the interval in seconds",
                "acd.yaml:2:44: sip.sessionTimers.minSE: minSE 30s is below RFC 4028's 90s floor; set allowBelowRfcMinimum: true to allow it (tests only)",
                "acd.yaml:5:41: trunks[0].offer: unknown offer \"late\"; expected one of early, delayed"),
                errors("""
                        sip: { domain: a,
                          sessionTimers: { expires: 1500ms, minSE: 30s } }
                        http: { token: t }
                        trunks:
                          - { id: c, address: 192.0.2.1, offer: late }
                        """));
        assertEquals(List.of("acd.yaml:1:45: sip.sessionTimers.expires: expires 10s is shorter than minSE 20s"),
                errors("""
                        sip: { domain: a, sessionTimers: { expires: 10s, minSE: 20s, allowBelowRfcMinimum: true } }
                        http: { token: t }
                        """));
    }

    @Test
    void natAndDigestPerAgentAreRead() {
        LoadResult r = new ConfigLoader(Map.of()).parse("""
                sip: { domain: a, nat: never, digest: [sha-256, MD5] }
                http: { token: t }
                agents:
                  - { id: a, extension: "1", password: p, nat: always, digest: [SHA-256] }
                  - { id: b, extension: "2", password: p }
                """, dir.resolve("acd.yaml"));
        assertTrue(r.ok(), () -> r.errors().toString());
        assertEquals(config.model.NatMode.NEVER, r.config().sip().nat());
        assertEquals(List.of("SHA-256", "MD5"), r.config().sip().digest());
        assertEquals(config.model.NatMode.ALWAYS, r.config().agents().get(0).nat());
        assertEquals(List.of("SHA-256"), r.config().agents().get(0).digest());
        assertNull(r.config().agents().get(1).nat());
        assertEquals(List.of(), r.config().agents().get(1).digest());
    }

    @Test
    void storageDatabaseMustBeAPostgresqlUrlAndServiceLevelADuration() {
        assertEquals(List.of(
                "acd.yaml:3:22: storage.database: expected a postgresql://user:password@host:port/database URL"
                        + " (leave it out for SQLite under dir)",
                "acd.yaml:4:38: queues[0].serviceLevel: bad duration \"20\": write a number and a unit, e.g. 500ms, 15s, 2m, 1h"),
                errors(HEAD + """
                        storage: { database: "mysql://db/acd" }
                        queues: [ { id: sales, serviceLevel: 20 } ]
                        """));
    }

    @Test
    void operationsFieldsAreRead() {
        LoadResult r = new ConfigLoader(Map.of("DB", "postgresql://acd:pw@127.0.0.1:5432/acd")).parse("""
                sip: { domain: acd.example.com }
                http: { token: t, metricsToken: m }
                storage: { database: "${DB}", queueLog: logs/queue_log }
                queues: [ { id: sales, serviceLevel: 30s } ]
                """, dir.resolve("acd.yaml"));
        assertEquals(List.of(), r.errors());
        assertEquals("postgresql://acd:pw@127.0.0.1:5432/acd", r.config().storage().database().value());
        assertEquals(dir.resolve("logs/queue_log"), r.config().storage().queueLog());
        assertEquals("m", r.config().http().metricsToken().value());
        assertEquals(java.time.Duration.ofSeconds(30), r.config().queue("sales").orElseThrow().serviceLevel());
    }

    @Test
    void unknownAgentNamesTheKnownOnes() {
        assertEquals(List.of(
                "acd.yaml:11:18: queues[0].members[1].agent: unknown agent \"carol\" (known: alice, bob)",
                "acd.yaml:12:18: queues[0].members[2].agent: unknown agent \"alcie\" (did you mean \"alice\"? known: alice, bob)"),
                errors(HEAD + """
                        agents:
                          - { id: alice, extension: "1001", password: a }
                          - { id: bob, extension: "1002", password: b }
                        queues:
                          - id: sales
                            strategy: priority
                            members:
                              - { agent: alice, priority: 1 }
                              - { agent: carol, priority: 2 }
                              - { agent: alcie, priority: 3 }
                        """));
    }

    @Test
    void unknownFieldsWrongTypesAndMissingFields() {
        assertEquals(List.of(
                "acd.yaml:1:6: sip: missing required field \"domain\"",
                "acd.yaml:1:8: sip.domian: unknown field (did you mean \"domain\"?)",
                "acd.yaml:2:7: http: missing required field \"token\"",
                "acd.yaml:3:11: agents[0]: missing required field \"id\"",
                "acd.yaml:3:11: agents[0]: missing required field \"password\"",
                "acd.yaml:3:13: agents[0].nmae: unknown field (did you mean \"name\"?)",
                "acd.yaml:4:3: agents[1]: missing required field \"password\"",
                "acd.yaml:7:14: queues[0].members: expected a list, found a string",
                "acd.yaml:8:5: queues[0].colour: unknown field",
                "acd.yaml:9:13: queues[0].record: expected true or false, found a string",
                "acd.yaml:10:16: queues[0].maxLength: expected a whole number, found a string \"many\""),
                errors("""
                        sip: { domian: acd.example.com }
                        http: { listen: "127.0.0.1:8080" }
                        agents: [ { nmae: x, extension: "1" },
                          { id: bob, extension: "1002" } ]
                        queues:
                          - id: q
                            members: alice
                            colour: blue
                            record: "yes"
                            maxLength: many
                        """));
    }

    @Test
    void durationsPrioritiesAndStrategies() {
        assertEquals(List.of(
                "acd.yaml:6:15: queues[0].strategy: unknown strategy \"ringall\" (did you mean \"ring-all\"?); expected one of priority, longest-idle, random, ring-all, round-robin, fewest-calls",
                "acd.yaml:7:18: queues[0].ringTimeout: bad duration \"15\": write a number and a unit, e.g. 500ms, 15s, 2m, 1h",
                "acd.yaml:8:18: queues[0].maxWaitTime: bad duration \"3 minutes\": write a number and a unit, e.g. 500ms, 15s, 2m, 1h",
                "acd.yaml:9:17: queues[0].wrapUpTime: bad duration \"-5s\": write a number and a unit, e.g. 500ms, 15s, 2m, 1h",
                "acd.yaml:12:31: queues[0].members[0].priority: priority 0 is outside 1..100",
                "acd.yaml:13:31: queues[0].members[1].priority: priority 101 is outside 1..100",
                "acd.yaml:14:31: queues[0].members[2].priority: expected a whole number, found a string \"high\""),
                errors(HEAD + """
                        agents: [ { id: a, extension: "1", password: p }, { id: b, extension: "2", password: p }, { id: c, extension: "3", password: p } ]
                        queues:
                          - id: q
                            strategy: ringall
                            ringTimeout: 15
                            maxWaitTime: 3 minutes
                            wrapUpTime: -5s
                            whenNoAgents: wait
                            members:
                              - { agent: a, priority: 0 }
                              - { agent: b, priority: 101 }
                              - { agent: c, priority: high }
                        """));
    }

    @Test
    void duplicatesAreReportedWhereTheyRepeat() {
        assertEquals(List.of(
                "acd.yaml:5:27: agents[1].extension: duplicate extension \"1001\" (first at line 4)",
                "acd.yaml:6:11: agents[2].id: duplicate agent \"alice\" (first at line 4)",
                "acd.yaml:9:11: queues[1].id: duplicate queue \"q\" (first at line 8)",
                "acd.yaml:9:50: queues[1].members[1].agent: agent \"bob\" is already a member (line 9)",
                "acd.yaml:11:13: numbers[1].number: duplicate number \"*\" (first at line 10)",
                "acd.yaml:12:1: duplicate key \"numbers\" (first at line 10)"),
                errors(HEAD + """
                        agents:
                          - { id: alice, extension: "1001", password: p }
                          - { id: bob, extension: "1001", password: p }
                          - { id: alice, extension: "1003", password: p }
                        queues:
                          - { id: q }
                          - { id: q, members: [ { agent: bob }, { agent: bob } ] }
                        numbers: [ { number: "*", queue: q },
                          { number: "*", queue: q } ]
                        numbers: []
                        """));
    }

    @Test
    void optionKeysTargetsAndMenuCycles() {
        assertEquals(List.of(
                "acd.yaml:8:7: menus[0].options.x: option key \"x\" is not a DTMF digit (0-9, * or #)",
                "acd.yaml:9:7: menus[0].options.12: option key \"12\" is not a DTMF digit (0-9, * or #)",
                "acd.yaml:10:12: menus[0].options.3: a target has exactly one of queue, menu, voicemail, transfer, hangup, found queue and menu",
                "acd.yaml:11:22: menus[0].options.4.hangup: write { hangup: true }, or another target",
                "acd.yaml:12:24: menus[0].options.5.transfer: goes out through a trunk, but no trunks are defined",
                "acd.yaml:13:12: menus[0].options.6: a target needs one of queue, menu, voicemail, transfer, hangup",
                "acd.yaml:13:14: menus[0].options.6.qeue: unknown field (did you mean \"queue\"?)",
                "acd.yaml:15:11: menus[0].options.8: a target needs one of queue, menu, voicemail, transfer, hangup",
                "acd.yaml:16:12: menus[0].options.9: expected a mapping, found a string",
                "acd.yaml:17:9: menus[1]: menu cycle with no way out: a -> b -> a (give one of these menus an option or otherwise that leads to a queue, voicemail, transfer or hangup)"),
                errors(HEAD + """
                        queues: [ { id: q } ]
                        menus:
                          - id: main
                            prompt: sounds/welcome.wav
                            options:
                              x: { queue: q }
                              12: { queue: q }
                              "3": { queue: q, menu: main }
                              "4": { hangup: false }
                              "5": { transfer: "+15550100" }
                              "6": { qeue: q }
                              "7": { menu: a }
                              "8":
                              "9": support
                          - id: a
                            prompt: sounds/welcome.wav
                            options: { "1": { menu: b } }
                            otherwise: { menu: b }
                          - id: b
                            prompt: sounds/welcome.wav
                            then: { menu: a }
                        """));
    }

    @Test
    void soundFiles() {
        assertEquals(List.of(
                "acd.yaml:5:15: queues[0].greeting: sound file \"sounds/missing.wav\" not found",
                "acd.yaml:6:16: queues[0].holdMusic: sound file \"sounds/stereo.wav\": 2 channels, expected mono",
                "acd.yaml:8:22: menus[0].prompt: sound file \"sounds/odd-rate.wav\": sample rate 11025 Hz is not supported (use 8000 Hz, or 16000, 22050, 44100 or 48000)",
                "acd.yaml:9:16: menus[0].invalid: sound file \"sounds/eight-bit.wav\": unsupported encoding PCM_UNSIGNED 8-bit (expected 16-bit PCM, µ-law or A-law)",
                "acd.yaml:11:13: menus[1].prompt: sound file \"sounds/text.wav\" is not a supported audio file (expected WAV)"),
                errors(HEAD + """
                        queues:
                          - id: q
                            greeting: sounds/missing.wav
                            holdMusic: sounds/stereo.wav
                        menus:
                          - { id: m, prompt: sounds/odd-rate.wav,
                              invalid: sounds/eight-bit.wav, then: { queue: q } }
                          - id: n
                            prompt: sounds/text.wav
                          - { id: ok1, prompt: sounds/wideband.wav }
                          - { id: ok2, prompt: sounds/ulaw.wav }
                        """));
    }

    @Test
    void networkValues() {
        assertEquals(List.of(
                "acd.yaml:1:16: sip.listen: bad port \"99999\" in \"0.0.0.0:99999\": expected 1..65535",
                "acd.yaml:1:69: sip.advertise: bad advertise address \"somewhere\": expected \"auto\" or an IP address",
                "acd.yaml:2:15: rtp.ports: bad port range \"20001-20999\": RTP uses even ports, so the range must start on an even port",
                "acd.yaml:3:17: http.listen: bad address \"localhost\": expected host:port, e.g. 0.0.0.0:5060",
                "acd.yaml:5:44: trunks[0].allow[0]: bad CIDR \"10.0.0.1/8\": host bits are set (did you mean 10.0.0.0/8?)",
                "acd.yaml:5:56: trunks[0].allow[1]: bad CIDR \"10.0.0.0/33\": prefix length must be 0..32",
                "acd.yaml:5:69: trunks[0].allow[2]: bad CIDR \"example.com/24\": \"example.com\" is not an IP address",
                "acd.yaml:6:24: trunks[1].address: bad address \"bad host:5060\": \"bad host\" is not a host name or IP address"),
                errors("""
                        sip: { listen: "0.0.0.0:99999", domain: acd.example.com, advertise: somewhere }
                        rtp: { ports: 20001-20999 }
                        http: { listen: localhost, token: t }
                        trunks:
                          - { id: t1, address: 192.0.2.1, allow: [ 10.0.0.1/8, 10.0.0.0/33, example.com/24, "2001:db8::/32" ] }
                          - { id: t2, address: "bad host:5060" }
                        """));
    }

    @Test
    void sipTcpLimitsAreCheckedWithTheirPlace() {
        assertEquals(List.of(
                "acd.yaml:1:39: sip.tcp.idleTimeout: must be longer than 0s",
                "acd.yaml:1:59: sip.tcp.maxConnections: maxConnections 0 is outside 1..1000000",
                "acd.yaml:1:62: sip.tcp.maxPerSrc: unknown field (did you mean \"maxPerSource\"?)"),
                errors("""
                        sip: { domain: a, tcp: { idleTimeout: 0s, maxConnections: 0, maxPerSrc: 5 } }
                        http: { token: t }
                        """));
        assertEquals(List.of("acd.yaml:1:60: sip.tcp.maxPerSource: maxPerSource 20 is above maxConnections 10"),
                errors("""
                        sip: { domain: a, tcp: { maxConnections: 10, maxPerSource: 20 } }
                        http: { token: t }
                        """));
        assertEquals(new SipTcp(Duration.ofSeconds(30), 10, 10),
                load("""
                        sip: { domain: a, tcp: { idleTimeout: 30s, maxConnections: 10 } }
                        http: { token: t }
                        """).sip().tcp(), "maxPerSource defaults to at most maxConnections");
        assertEquals(SipTcp.DEFAULT, load(HEAD).sip().tcp(), "the defaults");
    }

    @Test
    void sipTlsNeedsTwoPemFilesAndDefaultsToPort5061() throws IOException {
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertEquals(List.of(
                "acd.yaml:1:39: sip.tls.certificate: cert.der is not PEM (no -----BEGIN CERTIFICATE-----)",
                "acd.yaml:1:54: sip.tls.key: no such file missing.pem"),
                errors("""
                        sip: { domain: a, tls: { certificate: cert.der, key: missing.pem } }
                        http: { token: t }
                        """.replace("cert.der", writeTo("cert.der", "binary"))));
        assertEquals(List.of("acd.yaml:1:24: sip.tls: missing required field \"key\""),
                errors("""
                        sip: { domain: a, tls: { certificate: cert.pem } }
                        http: { token: t }
                        """));
        var tls = load("""
                sip: { listen: 127.0.0.1:5070, domain: a, tls: { certificate: cert.pem, key: key.pem } }
                http: { token: t }
                """).sip().tls();
        assertEquals("127.0.0.1:5061", tls.listen().toString(), "sip.listen's host, port 5061");
        assertEquals(dir.resolve("key.pem"), tls.key(), "relative to the config file");
        assertNull(load(HEAD).sip().tls(), "no TLS unless asked for");
        assertEquals(List.of("acd.yaml:1:34: sip.tls.listen: port 5060 is sip.listen's, where TCP is served already;"
                        + " TLS needs a port of its own (5061 by default)"),
                errors("""
                        sip: { domain: a, tls: { listen: 0.0.0.0:5060, certificate: cert.pem, key: key.pem } }
                        http: { token: t }
                        """));
    }

    private String writeTo(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return name;
    }

    @Test
    void rtpTimeoutIsADurationOfZeroOrAtLeastASecond() {
        assertEquals(List.of(
                "acd.yaml:3:17: rtp.timeout: must be 0s (never) or at least 1s, got 500ms"),
                errors(HEAD + """
                        rtp: { timeout: 500ms }
                        """));
        assertEquals(List.of(
                "acd.yaml:3:17: rtp.timeout: bad duration \"60\": write a number and a unit, e.g. 500ms, 15s, 2m, 1h"),
                errors(HEAD + """
                        rtp: { timeout: 60 }
                        """));
        assertEquals(Duration.ZERO, load(HEAD + "rtp: { timeout: 0s }\n").rtp().timeout(), "0s: never");
        assertEquals(Duration.ofSeconds(2), load(HEAD + "rtp: { timeout: 2s }\n").rtp().timeout());
        assertEquals(Duration.ofSeconds(60), load(HEAD).rtp().timeout(), "the default");
    }

    private AcdConfig load(String yaml) {
        LoadResult r = new ConfigLoader(Map.of()).parse(yaml, dir.resolve("acd.yaml"));
        assertEquals(List.of(), r.errors());
        return r.config();
    }

    @Test
    void trunkRegistrationNeedsCredentialsAndAKnownTransport() {
        assertEquals(List.of(
                "acd.yaml:4:45: trunks[0].register: register: true needs the trunk's username and password"
                        + " (the carrier challenges the REGISTER)",
                "acd.yaml:5:46: trunks[1].transport: unknown transport \"tls\"; expected one of udp, tcp",
                "acd.yaml:5:67: trunks[1].registerExpiry: must be longer than 0s"),
                errors(HEAD + """
                        trunks:
                          - { id: t1, address: 192.0.2.1, register: true, username: acd }
                          - { id: t2, address: 192.0.2.2, transport: tls, registerExpiry: 0s }
                        """));
    }

    @Test
    void trunkFieldsAreRead() {
        LoadResult r = new ConfigLoader(Map.of("PW", "secret")).parse(HEAD + """
                trunks:
                  - { id: t1, address: sip.example.net, username: acd, password: "${PW}", register: true,
                      registerExpiry: 2m, transport: tcp }
                  - { id: t2, address: "192.0.2.2:5080", domain: carrier.example.net }
                """, dir.resolve("acd.yaml"));
        assertEquals(List.of(), r.errors());
        var t1 = r.config().trunks().get(0);
        assertEquals(List.of("sip.example.net", "TCP", "120", "true"),
                List.of(t1.domain(), t1.transport(), "" + t1.registerExpiry().toSeconds(), "" + t1.register()));
        var t2 = r.config().trunks().get(1);
        assertEquals(List.of("carrier.example.net", "UDP", "600", "false"),
                List.of(t2.domain(), t2.transport(), "" + t2.registerExpiry().toSeconds(), "" + t2.register()));
    }

    @Test
    void secretsComeFromTheEnvironment() {
        assertEquals(List.of(
                "acd.yaml:2:16: http.token: environment variable ACD_TOKEN is not set"),
                errors("""
                        sip: { domain: acd.example.com }
                        http: { token: "${ACD_TOKEN}" }
                        agents: [ { id: a, extension: "1", password: "${PW_A}" } ]
                        """, Map.of("PW_A", "secret-a")));
        LoadResult ok = new ConfigLoader(Map.of("ACD_TOKEN", "tok")).parse("""
                sip: { domain: acd.example.com }
                http: { token: "${ACD_TOKEN}" }
                agents: [ { id: a, extension: "1", password: "pre-${PW_A:-fallback}" } ]
                """, dir.resolve("acd.yaml"));
        assertEquals("tok", ok.config().http().token().value());
        assertEquals("pre-fallback", ok.config().agents().get(0).password().value());
        assertEquals("****", ok.config().http().token().toString());
    }

    @Test
    void businessHoursAndNumbers() {
        assertEquals(List.of(
                "acd.yaml:5:5: numbers[0]: write either menu or queue, not both",
                "acd.yaml:6:5: numbers[1]: missing required field \"menu\" (or \"queue\")",
                "acd.yaml:6:15: numbers[1].number: bad number \"not a number\": expected the dialed number (e.g. \"+15550100000\") or \"*\"",
                "acd.yaml:10:17: numbers[2].hours.timezone: unknown time zone \"Mars/Olympus\": expected a region such as Europe/Tallinn or America/New_York",
                "acd.yaml:12:9: numbers[2].hours.open.mon-frj: bad days \"mon-frj\": expected a day or range of mon, tue, wed, thu, fri, sat, sun (e.g. mon-fri or sat,sun)",
                "acd.yaml:13:14: numbers[2].hours.open.sat: bad hours \"17:00-09:00\": expected HH:MM-HH:MM within one day, e.g. \"09:00-17:00\"",
                "acd.yaml:14:19: numbers[2].hours.holidays[0]: bad date \"2026-13-01\": expected YYYY-MM-DD",
                "acd.yaml:15:23: numbers[2].hours.closed.menu: unknown menu \"closed\" (no menus are defined)"),
                errors(HEAD + """
                        queues: [ { id: q } ]
                        numbers:
                          - { number: "1", menu: m, queue: q }
                          - { number: not a number }
                          - number: "+15550100000"
                            queue: q
                            hours:
                              timezone: Mars/Olympus
                              open:
                                mon-frj: "09:00-17:00"
                                sat: "17:00-09:00"
                              holidays: [ "2026-13-01" ]
                              closed: { menu: closed }
                        """));
    }

    @Test
    void agentsDevicesAndTrunks() {
        assertEquals(List.of(
                "acd.yaml:7:5: agents[0]: missing required field \"extension\" (or \"device\")",
                "acd.yaml:9:16: agents[1].forward: \"always\" needs a device (the personal number to forward to)",
                "acd.yaml:10:52: agents[2].forward: unknown forward \"sometimes\"; expected one of never, when-offline, on-no-answer, always",
                "acd.yaml:11:51: agents[3].device: there are several trunks: say which one reaches this device with trunk:",
                "acd.yaml:12:74: agents[4].trunk: unknown trunk \"carier\" (did you mean \"carrier\"? known: carrier, backup)",
                "acd.yaml:13:51: agents[5].device: bad phone number \"mobile\": expected digits with an optional leading +, e.g. \"+15550100001\""),
                errors(HEAD + """
                        trunks:
                          - { id: carrier, address: 198.51.100.7 }
                          - { id: backup, address: 192.0.2.50 }
                        agents:
                          - { id: a, name: No Phone }
                          - { id: b, extension: "2", password: p,
                              forward: always }
                          - { id: c, extension: "3", password: p, forward: sometimes }
                          - { id: d, extension: "4", password: p, device: "+15550100004" }
                          - { id: e, extension: "5", password: p, device: "+15550100005", trunk: carier }
                          - { id: f, extension: "6", password: p, device: mobile, trunk: backup }
                        """));
    }

    @Test
    void forwardConfirmIsForAForwardedDevice() {
        assertEquals(List.of(
                "acd.yaml:5:59: agents[0].forwardConfirm: applies to a personal device: needs device and forward",
                "acd.yaml:6:71: agents[1].forwardConfirm: expected true or false, found a string",
                "acd.yaml:8:30: queues[0].forwardConfirm: expected true or false, found a number"),
                errors(HEAD + """
                        trunks: [ { id: carrier, address: 198.51.100.7 } ]
                        agents:
                          - { id: a, extension: "1", password: p, forwardConfirm: true }
                          - { id: b, device: "+15550100002", forward: always, forwardConfirm: maybe }
                        queues:
                          - { id: q, forwardConfirm: 1, members: [ { agent: a } ] }
                        """));
    }

    @Test
    void aDocumentThatIsNotAMapping() {
        assertEquals(List.of("acd.yaml:1:1: expected a mapping of sections (sip, http, agents, queues, ...), found a list"),
                errors("- sip\n- http\n"));
    }

    @Test
    void syntaxErrorHasALocation() throws IOException {
        Path file = dir.resolve("acd.yaml");
        Files.writeString(file, "sip:\n  domain: [unclosed\nhttp: {}\n");
        LoadResult r = new ConfigLoader(Map.of()).load(file);
        assertEquals(1, r.errors().size());
        String e = r.errors().get(0).toString().replace(dir + "/", "");
        assertEquals("acd.yaml:3:5: invalid YAML", e.substring(0, e.indexOf("YAML") + 4), e);
    }
}
