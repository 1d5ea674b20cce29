package gateway.sip.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS server identity from {@code sip.tls}'s PEM files, and the one SSLContext our TLS
 * connections are made from. When the files change (a renewal), new handshakes get the new
 * certificate; connections already up keep theirs. A pair that does not load (half written, a key
 * of another certificate) is reported once and the current identity stays until a good pair appears.
 */
public final class ServerCertificate implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificate.class);

    private final Path certificate;
    private final Path key;
    private final ReloadingKeyManager keys;
    private final SSLContext context;
    /** The file contents last looked at, loaded or refused: only a change is tried again. */
    private byte[] seenCertificate;
    private byte[] seenKey;
    private ScheduledExecutorService watcher;

    private ServerCertificate(Path certificate, Path key, PemIdentity identity) throws IOException {
        this.certificate = certificate;
        this.key = key;
        try {
            this.keys = new ReloadingKeyManager(identity);
            this.context = SSLContext.getInstance("TLS");
            // trust: the JDK's default, for the rare connection we open ourselves
            context.init(new KeyManager[] {keys}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS with " + certificate + ": " + e.getMessage(), e);
        }
    }

    /** Reads both files; the exception says which one is wrong and how. */
    public static ServerCertificate load(Path certificate, Path key) throws IOException {
        byte[] certBytes = Files.readAllBytes(certificate);
        byte[] keyBytes = Files.readAllBytes(key);
        PemIdentity identity = PemIdentity.read(certificate, key);
        ServerCertificate c = new ServerCertificate(certificate, key, identity);
        c.seenCertificate = certBytes;
        c.seenKey = keyBytes;
        c.report("loaded", identity);
        return c;
    }

    public SSLContext context() {
        return context;
    }

    /** Loads the files again if either changed since last looked at; true when a new identity is in use. */
    public synchronized boolean reloadIfChanged() {
        byte[] certBytes;
        byte[] keyBytes;
        try {
            certBytes = Files.readAllBytes(certificate);
            keyBytes = Files.readAllBytes(key);
        } catch (IOException e) {
            LOG.debug("TLS certificate files not readable now: {}", e.toString());
            return false;
        }
        if (Arrays.equals(certBytes, seenCertificate) && Arrays.equals(keyBytes, seenKey)) {
            return false;
        }
        seenCertificate = certBytes;
        seenKey = keyBytes;
        try {
            PemIdentity identity = PemIdentity.read(certificate, key);
            keys.replace(identity);
            report("reloaded", identity);
            return true;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warn("TLS certificate not reloaded, the current one stays in use: {}", e.getMessage());
            return false;
        }
    }

    /** Checks the files every {@code period} on a thread of its own until {@link #close()}. */
    public synchronized void watch(Duration period) {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sip-tls-certificate");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, period.toMillis());
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void report(String what, PemIdentity identity) {
        Instant notAfter = identity.notAfter();
        String subject = identity.certificate().getSubjectX500Principal().getName();
        if (notAfter.isBefore(Instant.now())) {
            LOG.warn("TLS certificate {} from {}: {} EXPIRED on {}; phones will refuse it", what, certificate, subject,
                    notAfter);
        } else {
            LOG.info("TLS certificate {} from {}: {}, valid until {}", what, certificate, subject, notAfter);
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
