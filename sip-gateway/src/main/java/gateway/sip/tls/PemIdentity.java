package gateway.sip.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server certificate chain and its private key, read from PEM files as {@code openssl} and
 * Let's Encrypt write them: the certificate file holds the server's certificate first, then any
 * intermediates; the key file an unencrypted PKCS #8 key ({@code BEGIN PRIVATE KEY}, RSA or EC) or
 * an RSA key in PKCS #1 ({@code BEGIN RSA PRIVATE KEY}). The key is checked against the certificate.
 */
public record PemIdentity(PrivateKey key, List<X509Certificate> chain) {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    /** DER of PKCS #8's AlgorithmIdentifier for rsaEncryption, to wrap a PKCS #1 key. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    public PemIdentity {
        chain = List.copyOf(chain);
    }

    /** Reads and checks both files; the message of the exception says which file and what is wrong. */
    public static PemIdentity read(Path certificate, Path key) throws IOException {
        List<X509Certificate> chain = certificates(certificate);
        PrivateKey privateKey = privateKey(key);
        if (!matches(privateKey, chain.get(0).getPublicKey())) {
            throw new IOException(key + ": the key does not belong to the certificate in " + certificate);
        }
        return new PemIdentity(privateKey, chain);
    }

    /** The server's own certificate (the chain's first). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    public Instant notAfter() {
        return certificate().getNotAfter().toInstant();
    }

    private static List<X509Certificate> certificates(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes)).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IOException(file + ": no certificate (expected -----BEGIN CERTIFICATE-----)");
            }
            return chain;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not a PEM certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException {
        Matcher m = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, der);
                }
                case "RSA PRIVATE KEY" -> {
                    return pkcs8(file, wrapRsa(der));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new IOException(file
                        + ": the key is encrypted; write it unencrypted (openssl pkey -in KEY -out PLAIN)");
                case "EC PRIVATE KEY" -> throw new IOException(file
                        + ": an SEC 1 EC key; convert it to PKCS #8 (openssl pkcs8 -topk8 -nocrypt -in KEY -out NEW)");
                default -> {
                    // EC PARAMETERS and the like come before the key: skip them
                }
            }
        }
        throw new IOException(file + ": no private key (expected -----BEGIN PRIVATE KEY-----)");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
        for (String algorithm : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IOException(file + ": not an RSA or EC private key");
    }

    /** PKCS #1 RSAPrivateKey inside a PKCS #8 PrivateKeyInfo: SEQUENCE { version 0, algorithm, OCTET STRING key }. */
    private static byte[] wrapRsa(byte[] pkcs1) {
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = der(0x04, pkcs1);
        byte[] body = new byte[version.length + RSA_ALGORITHM.length + octets.length];
        System.arraycopy(version, 0, body, 0, version.length);
        System.arraycopy(RSA_ALGORITHM, 0, body, version.length, RSA_ALGORITHM.length);
        System.arraycopy(octets, 0, body, version.length + RSA_ALGORITHM.length, octets.length);
        return der(0x30, body);
    }

    private static byte[] der(int tag, byte[] content) {
        byte[] length = content.length < 128 ? new byte[] {(byte) content.length} : longLength(content.length);
        byte[] out = new byte[1 + length.length + content.length];
        out[0] = (byte) tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, content.length);
        return out;
    }

    private static byte[] longLength(int n) {
        byte[] value = BigInteger.valueOf(n).toByteArray();
        int skip = value[0] == 0 ? 1 : 0;
        byte[] out = new byte[1 + value.length - skip];
        out[0] = (byte) (0x80 | (value.length - skip));
        System.arraycopy(value, skip, out, 1, value.length - skip);
        return out;
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static boolean matches(PrivateKey key, PublicKey certificateKey) {
        if (!key.getAlgorithm().equals(certificateKey.getAlgorithm())) {
            return false;
        }
        try {
            String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            byte[] probe = "acd key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificateKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
