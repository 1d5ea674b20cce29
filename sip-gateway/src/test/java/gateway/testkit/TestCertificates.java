package gateway.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates for TLS tests, made at test time by the JDK's keytool (no private key
 * is committed): an EC P-256 key for {@code CN=127.0.0.1} with {@code IP:127.0.0.1} as subject
 * alternative name, written as the PEM pair {@code sip.tls} reads, and a client context that
 * trusts exactly that certificate.
 */
public final class TestCertificates {
    private static final String PASSWORD = "test-only";
    private static final long KEYTOOL_TIMEOUT_S = 60;

    /** One generated certificate: its PEM files and the certificate itself. */
    public record Pem(Path certificate, Path key, X509Certificate x509) {
        /** A client context that trusts this certificate only. */
        public SSLContext trustingContext() {
            return TestCertificates.trusting(x509);
        }
    }

    private TestCertificates() {
    }

    /** Generates a new EC key and certificate and writes them to {@code certificate} and {@code key} (replacing any). */
    public static Pem write(Path certificate, Path key) throws IOException {
        return write(certificate, key, "EC");
    }

    /** {@link #write(Path, Path)} with an {@code EC} (P-256) or {@code RSA} (2048 bits) key. */
    public static Pem write(Path certificate, Path key, String keyAlgorithm) throws IOException {
        Path dir = Files.createTempDirectory("acd-cert");
        Path store = dir.resolve("store.p12");
        String[] algorithm = "RSA".equals(keyAlgorithm)
                ? new String[] {"-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA"}
                : new String[] {"-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA"};
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", "acd"));
        args.addAll(List.of(algorithm));
        args.addAll(List.of("-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        keytool(args.toArray(new String[0]));
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(store)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            PrivateKey privateKey = (PrivateKey) ks.getKey("acd", PASSWORD.toCharArray());
            X509Certificate cert = (X509Certificate) ks.getCertificate("acd");
            // each file is replaced whole, as a renewal tool does
            replace(certificate, pem("CERTIFICATE", cert.getEncoded()));
            replace(key, pem("PRIVATE KEY", privateKey.getEncoded()));
            return new Pem(certificate, key, cert);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the generated key store", e);
        } finally {
            Files.deleteIfExists(store);
            Files.deleteIfExists(dir);
        }
    }

    /** A fresh pair in a new temporary directory. */
    public static Pem create() throws IOException {
        Path dir = Files.createTempDirectory("acd-tls");
        return write(dir.resolve("cert.pem"), dir.resolve("key.pem"));
    }

    static SSLContext trusting(Certificate cert) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("acd", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trusting TLS context", e);
        }
    }

    /** {@code der} as a PEM block of {@code type} ({@code CERTIFICATE}, {@code PRIVATE KEY}, ...). */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void replace(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void keytool(String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(KEYTOOL_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not finish in " + KEYTOOL_TIMEOUT_S + " s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("keytool failed (" + p.exitValue() + "): " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for keytool", e);
        }
    }
}
