package gateway.sip.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gateway.testkit.TestCertificates;
import ivr.testkit.ExpectedLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PEM pairs {@code sip.tls} takes, the ones it refuses and why, and a renewal seen through a half-written pair. */
class PemIdentityTest {
    /** A 2048-bit RSA key's PKCS #8 header: SEQUENCE, version, rsaEncryption, OCTET STRING; PKCS #1 follows. */
    private static final int RSA_2048_PKCS8_HEADER = 26;

    @TempDir
    Path dir;

    @Test
    void anEcPairAndAnRsaKeyInPkcs1AreRead() throws Exception {
        TestCertificates.Pem ec = TestCertificates.write(dir.resolve("ec.pem"), dir.resolve("ec.key"));
        PemIdentity read = PemIdentity.read(ec.certificate(), ec.key());
        assertEquals(ec.x509(), read.certificate());
        assertEquals("EC", read.key().getAlgorithm());

        TestCertificates.Pem rsa = TestCertificates.write(dir.resolve("rsa.pem"), dir.resolve("rsa.key"), "RSA");
        byte[] pkcs8 = PemIdentity.read(rsa.certificate(), rsa.key()).key().getEncoded();
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, RSA_2048_PKCS8_HEADER, pkcs8.length);
        Files.writeString(rsa.key(), TestCertificates.pem("RSA PRIVATE KEY", pkcs1));
        assertEquals(rsa.x509(), PemIdentity.read(rsa.certificate(), rsa.key()).certificate());
        assertTrue(Arrays.equals(pkcs8, PemIdentity.read(rsa.certificate(), rsa.key()).key().getEncoded()),
                "the same key, read from PKCS #1");
    }

    @Test
    void aKeyOfAnotherCertificateAnEncryptedKeyAndAMissingKeyAreRefusedByName() throws Exception {
        TestCertificates.Pem one = TestCertificates.write(dir.resolve("one.pem"), dir.resolve("one.key"));
        TestCertificates.Pem other = TestCertificates.write(dir.resolve("other.pem"), dir.resolve("other.key"));
        IOException mismatch = assertThrows(IOException.class, () -> PemIdentity.read(one.certificate(), other.key()));
        assertTrue(mismatch.getMessage().contains("does not belong to the certificate"), mismatch.getMessage());

        Files.writeString(other.key(), "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        IOException encrypted = assertThrows(IOException.class, () -> PemIdentity.read(other.certificate(), other.key()));
        assertTrue(encrypted.getMessage().contains("encrypted"), encrypted.getMessage());

        IOException noKey = assertThrows(IOException.class, () -> PemIdentity.read(one.certificate(), one.certificate()));
        assertTrue(noKey.getMessage().contains("no private key"), noKey.getMessage());
    }

    @Test
    void aHalfWrittenRenewalKeepsTheCurrentCertificateUntilThePairMatches() throws Exception {
        TestCertificates.Pem first = TestCertificates.write(dir.resolve("cert.pem"), dir.resolve("key.pem"));
        Path spare = dir.resolve("spare");
        Files.createDirectories(spare);
        TestCertificates.Pem renewed = TestCertificates.write(spare.resolve("cert.pem"), spare.resolve("key.pem"));
        try (ServerCertificate certificate = ServerCertificate.load(first.certificate(), first.key());
             ExpectedLog log = ExpectedLog.of(ServerCertificate.class)) {
            assertFalse(certificate.reloadIfChanged(), "nothing changed");
            Files.copy(renewed.certificate(), first.certificate(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertFalse(certificate.reloadIfChanged(), "the new certificate with the old key");
            assertFalse(certificate.reloadIfChanged(), "still half written: reported once");
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warned("the current one stays in use"), log.warnings().toString());
            Files.copy(renewed.key(), first.key(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertTrue(certificate.reloadIfChanged(), "the renewed pair");
        }
    }
}
