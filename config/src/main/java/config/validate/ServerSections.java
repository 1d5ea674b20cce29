package config.validate;

import config.model.AcdConfig;
import config.model.Cidr;
import config.model.HostPort;
import config.model.Http;
import config.model.MediaSecurity;
import config.model.NatMode;
import config.model.OfferMode;
import config.model.PortRange;
import config.model.Rtp;
import config.model.Secret;
import config.model.SessionTimers;
import config.model.Sip;
import config.model.SipTcp;
import config.model.SipTls;
import config.model.Storage;
import config.model.Trunk;
import config.yaml.YNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The server's own sections: sip, rtp, http, storage and trunks. */
final class ServerSections {
    static final int SIP_PORT = 5060;
    static final int MAX_REASON = 200;
    static final Map<String, MediaSecurity> MEDIA = Fields.names(MediaSecurity.values(), MediaSecurity::configName);
    static final Map<String, NatMode> NAT_MODES = Fields.names(NatMode.values(), NatMode::configName);

    private final Binding b;

    ServerSections(Binding b) {
        this.b = b;
    }

    Sip sip(YNode node) {
        Fields f = Fields.of(node, "sip", b.problems, Set.of("listen", "domain", "advertise", "digest", "nat",
                "sessionTimers", "tcp", "tls"));
        HostPort listen = f.value("listen", Sip.DEFAULT_LISTEN, t -> Values.hostPort(t, SIP_PORT));
        String domain = f.required("domain", ServerSections::domain);
        String advertise = f.value("advertise", "auto", ServerSections::advertise);
        List<String> digest = digest(f, b.problems);
        NatMode nat = f.choice("nat", NAT_MODES, NatMode.AUTO);
        return new Sip(listen, domain, advertise.equals("auto") ? null : advertise, digest, nat,
                sessionTimers(f.node("sessionTimers")), tcp(f.node("tcp")),
                f.has("tls") ? tls(f.node("tls"), listen) : null);
    }

    /** Both PEM files must be there and look like PEM; the server reads and checks them in full when it starts. */
    private SipTls tls(YNode node, HostPort sipListen) {
        Fields f = Fields.of(node, "sip.tls", b.problems, Set.of("listen", "certificate", "key"));
        HostPort listen = f.value("listen", new HostPort(sipListen.host(), SipTls.DEFAULT_PORT),
                t -> Values.hostPort(t, SipTls.DEFAULT_PORT));
        if (listen.port() == sipListen.port() && listen.port() != 0 && overlaps(listen.host(), sipListen.host())) {
            b.problems.at(f.node("listen"), f.path("listen"), "port " + listen.port()
                    + " is sip.listen's, where TCP is served already; TLS needs a port of its own (5061 by default)");
        }
        Path certificate = pemFile(f, "certificate", "-----BEGIN CERTIFICATE-----");
        Path key = pemFile(f, "key", "PRIVATE KEY-----");
        return certificate == null || key == null ? null : new SipTls(listen, certificate, key);
    }

    /** Whether two listen hosts can bind the same port: the same, or either one every address. */
    private static boolean overlaps(String a, String b) {
        Set<String> any = Set.of("0.0.0.0", "::", "0:0:0:0:0:0:0:0");
        return a.equals(b) || any.contains(a) || any.contains(b);
    }

    private Path pemFile(Fields f, String key, String marker) {
        String written = f.required(key, t -> t);
        if (written == null) {
            return null;
        }
        Path file = b.resolve(written);
        try {
            if (!Files.readString(file, StandardCharsets.US_ASCII).contains(marker)) {
                b.problems.at(f.node(key), f.path(key), file + " is not PEM (no " + marker + ")");
            }
        } catch (NoSuchFileException e) {
            b.problems.at(f.node(key), f.path(key), "no such file " + file);
        } catch (IOException | UncheckedIOException e) {
            b.problems.at(f.node(key), f.path(key), "cannot read " + file + ": " + e);
        }
        return file;
    }

    private SipTcp tcp(YNode node) {
        Fields f = Fields.of(node, "sip.tcp", b.problems, Set.of("idleTimeout", "maxConnections", "maxPerSource"));
        Duration idle = f.positiveDuration("idleTimeout", SipTcp.DEFAULT.idleTimeout());
        int max = f.integer("maxConnections", SipTcp.DEFAULT.maxConnections(), 1, 1_000_000);
        int perSource = f.integer("maxPerSource", Math.min(max, SipTcp.DEFAULT.maxPerSource()), 1, 1_000_000);
        if (perSource > max) {
            b.problems.at(f.node("maxPerSource"), f.path("maxPerSource"),
                    "maxPerSource " + perSource + " is above maxConnections " + max);
            perSource = max;
        }
        return new SipTcp(idle, max, perSource);
    }

    /** A {@code digest} list (sip's or an agent's): each name checked, none twice; empty when absent. */
    static List<String> digest(Fields f, Problems problems) {
        List<String> digest = f.scalars("digest", ServerSections::digestAlgorithm);
        if (f.has("digest") && digest.size() != digest.stream().distinct().count()) {
            problems.at(f.node("digest"), f.path("digest"), "an algorithm is listed twice: " + digest);
        }
        return digest.stream().distinct().toList();
    }

    /** Whole seconds (SIP carries seconds), minSE at RFC 4028's 90 s floor unless the file lowers it on purpose. */
    private SessionTimers sessionTimers(YNode node) {
        Fields f = Fields.of(node, "sip.sessionTimers", b.problems, Set.of("expires", "minSE", "allowBelowRfcMinimum"));
        Duration expires = wholeSeconds(f, "expires", SessionTimers.DEFAULT.expires());
        Duration minSE = wholeSeconds(f, "minSE", SessionTimers.DEFAULT.minSE());
        if (minSE.compareTo(SessionTimers.RFC_MIN_SE) < 0 && !f.bool("allowBelowRfcMinimum", false)) {
            b.problems.at(f.node("minSE"), f.path("minSE"), "minSE " + minSE.toSeconds() + "s is below RFC 4028's "
                    + SessionTimers.RFC_MIN_SE.toSeconds() + "s floor; set allowBelowRfcMinimum: true to allow it (tests only)");
        }
        if (expires.compareTo(minSE) < 0) {
            b.problems.at(f.has("expires") ? f.node("expires") : f.node("minSE"), f.path("expires"),
                    "expires " + expires.toSeconds() + "s is shorter than minSE " + minSE.toSeconds() + "s");
            return SessionTimers.DEFAULT;
        }
        return new SessionTimers(expires, minSE);
    }

    private Duration wholeSeconds(Fields f, String key, Duration def) {
        Duration d = f.positiveDuration(key, def);
        if (d.toMillis() % 1000 != 0) {
            b.problems.at(f.node(key), f.path(key), "must be whole seconds: SIP carries the interval in seconds");
            return def;
        }
        return d;
    }

    /** The digest algorithms of RFC 7616 we verify. */
    private static String digestAlgorithm(String text) throws BadValue {
        String name = text.toUpperCase(java.util.Locale.ROOT);
        if (name.equals("MD5") || name.equals("SHA-256")) {
            return name;
        }
        throw new BadValue("unknown digest algorithm \"" + text + "\"; expected MD5 or SHA-256");
    }

    private static String domain(String text) throws BadValue {
        return Values.hostPort(text, SIP_PORT).host();
    }

    private static String advertise(String text) throws BadValue {
        if (text.equals("auto") || Values.isIpLiteral(text)) {
            return text;
        }
        throw new BadValue("bad advertise address \"" + text + "\": expected \"auto\" or an IP address");
    }

    Rtp rtp(YNode node) {
        Fields f = Fields.of(node, "rtp", b.problems, Set.of("ports", "timeout"));
        PortRange ports = f.value("ports", Rtp.DEFAULT_PORTS, Values::portRange);
        Duration timeout = f.duration("timeout", Rtp.DEFAULT_TIMEOUT);
        if (!timeout.isZero() && timeout.compareTo(Rtp.MIN_TIMEOUT) < 0) {
            b.problems.at(f.node("timeout"), f.path("timeout"), "must be 0s (never) or at least "
                    + Rtp.MIN_TIMEOUT.toSeconds() + "s, got " + timeout.toMillis() + "ms");
            timeout = Rtp.DEFAULT_TIMEOUT;
        }
        return new Rtp(ports, timeout);
    }

    Http http(YNode node) {
        Fields f = Fields.of(node, "http", b.problems, Set.of("listen", "token", "metricsToken", "wallboardToken"));
        HostPort listen = f.value("listen", Http.DEFAULT_LISTEN, Values::listenAddress);
        Secret metricsToken = b.secret(f, "metricsToken");
        Secret wallboardToken = b.secret(f, "wallboardToken");
        if (!f.has("token")) {
            f.missing("token");
            if (wallboardToken != null) {
                b.problems.at(f.node("wallboardToken"), f.path("wallboardToken"), "needs http.token: the wallboard "
                        + "token is a read-only second token beside it");
            }
            return new Http(listen, null, metricsToken, wallboardToken);
        }
        Secret token = b.secret(f, "token");
        if (wallboardToken != null && token != null && wallboardToken.value().strip().equals(token.value().strip())) {
            b.problems.at(f.node("wallboardToken"), f.path("wallboardToken"), "must differ from http.token: "
                    + "whoever has the wallboard token may only read");
        }
        return new Http(listen, token, metricsToken, wallboardToken);
    }

    /** The top-level {@code pauseReasons}: each non-blank, at most {@value #MAX_REASON} characters, none twice. */
    List<String> pauseReasons(Fields root) {
        if (!root.has("pauseReasons")) {
            return AcdConfig.DEFAULT_PAUSE_REASONS;
        }
        List<String> reasons = root.scalars("pauseReasons", ServerSections::pauseReason);
        if (root.node("pauseReasons") instanceof YNode.Seq seq && seq.items().isEmpty()) {
            b.problems.at(root.node("pauseReasons"), root.path("pauseReasons"),
                    "list at least one reason, or leave pauseReasons out for the defaults");
        } else if (reasons.size() != reasons.stream().distinct().count()) {
            b.problems.at(root.node("pauseReasons"), root.path("pauseReasons"), "a reason is listed twice: " + reasons);
        }
        return reasons.stream().distinct().toList();
    }

    private static String pauseReason(String text) throws BadValue {
        String reason = text.strip();
        if (reason.isEmpty()) {
            throw new BadValue("a pause reason must not be blank");
        }
        if (reason.length() > MAX_REASON) {
            throw new BadValue("a pause reason is at most " + MAX_REASON + " characters, this one has " + reason.length());
        }
        return reason;
    }

    Storage storage(YNode node) {
        Fields f = Fields.of(node, "storage", b.problems, Set.of("dir", "recordings", "database", "queueLog"));
        Path dir = b.resolve(f.text("dir", "./data"));
        String recordings = f.text("recordings", null);
        Secret database = b.secret(f, "database");
        // under --skip-env an unset ${VAR} stays as written: nothing to check yet
        if (database != null && !database.value().contains("${") && !database.value().startsWith("postgresql://")
                && !database.value().startsWith("postgres://") && !database.value().startsWith("jdbc:postgresql:")) {
            b.problems.at(f.node("database"), f.path("database"),
                    "expected a postgresql://user:password@host:port/database URL (leave it out for SQLite under dir)");
        }
        String queueLog = f.text("queueLog", null);
        return new Storage(dir, recordings == null ? dir.resolve("recordings") : b.resolve(recordings), database,
                queueLog == null ? null : b.resolve(queueLog));
    }

    List<Trunk> trunks(Fields root) {
        return root.items("trunks", this::trunk);
    }

    private static final Map<String, String> TRANSPORTS = Fields.names(new String[] {"UDP", "TCP"}, String::toLowerCase);
    private static final Map<String, OfferMode> OFFERS = Fields.names(OfferMode.values(), OfferMode::configName);

    private Trunk trunk(YNode node, String path) {
        Fields f = Fields.of(node, path, b.problems, Set.of("id", "address", "allow", "username", "password",
                "transport", "domain", "register", "registerExpiry", "offer", "media"));
        String id = f.required("id", Values::id);
        b.refs.define(References.Kind.TRUNK, id, f.has("id") ? f.node("id") : node, f.path("id"));
        HostPort address = f.required("address", t -> Values.hostPort(t, SIP_PORT));
        List<Cidr> allow = f.scalars("allow", Values::cidr);
        Secret password = b.secret(f, "password");
        String username = f.text("username", null);
        String transport = f.choice("transport", TRANSPORTS, "UDP");
        String domain = f.value("domain", null, ServerSections::domain);
        boolean register = f.bool("register", false);
        OfferMode offer = f.choice("offer", OFFERS, OfferMode.EARLY);
        MediaSecurity media = f.choice("media", MEDIA, MediaSecurity.ANY);
        Duration expiry = f.positiveDuration("registerExpiry", Trunk.DEFAULT_REGISTER_EXPIRY);
        if (expiry.toSeconds() < 1) {
            b.problems.at(f.node("registerExpiry"), f.path("registerExpiry"), "must be at least 1s (REGISTER counts whole seconds)");
        }
        if (media == MediaSecurity.SRTP && !"TLS".equals(transport)) {
            b.problems.at(f.node("media"), f.path("media"),
                    "srtp needs a trunk signalled over TLS (SDES keys travel in the SDP); use any or rtp");
        }
        if (register && (username == null || password == null)) {
            b.problems.at(f.node("register"), f.path("register"),
                    "register: true needs the trunk's username and password (the carrier challenges the REGISTER)");
        }
        if (id == null || address == null) {
            return null;
        }
        return new Trunk(id, address, allow, username, password, transport, domain, register, expiry, offer, media);
    }
}
