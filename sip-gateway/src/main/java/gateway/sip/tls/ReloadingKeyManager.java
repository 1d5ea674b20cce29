package gateway.sip.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The server's key manager, whose certificate and key can be replaced while connections come in:
 * each new handshake picks the identity current then. The JDK asks for the alias first and for the
 * key and chain of that alias later, so every identity gets an alias of its own and the one before
 * the newest stays known, in case a handshake straddles a replacement.
 */
final class ReloadingKeyManager extends X509ExtendedKeyManager {
    private static final char[] NO_PASSWORD = new char[0];

    /** Newest first; at most two. */
    private volatile List<X509ExtendedKeyManager> recent;
    private int generation;

    ReloadingKeyManager(PemIdentity identity) throws GeneralSecurityException {
        this.recent = List.of(keyManager(identity, ++generation));
    }

    /** Makes {@code identity} the one new handshakes use. */
    synchronized void replace(PemIdentity identity) throws GeneralSecurityException {
        recent = List.of(keyManager(identity, ++generation), recent.get(0));
    }

    private static X509ExtendedKeyManager keyManager(PemIdentity identity, int generation)
            throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        store.setKeyEntry("acd-" + generation, identity.key(), NO_PASSWORD,
                identity.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
        factory.init(store, NO_PASSWORD);
        return (X509ExtendedKeyManager) factory.getKeyManagers()[0];
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return recent.get(0).chooseEngineServerAlias(keyType, issuers, engine);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return recent.get(0).chooseServerAlias(keyType, issuers, socket);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return recent.get(0).getServerAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        for (X509ExtendedKeyManager km : recent) {
            X509Certificate[] chain = km.getCertificateChain(alias);
            if (chain != null) {
                return chain;
            }
        }
        return null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        for (X509ExtendedKeyManager km : recent) {
            PrivateKey key = km.getPrivateKey(alias);
            if (key != null) {
                return key;
            }
        }
        return null;
    }

    /** We present no client certificate: phones authenticate us, we authenticate them by digest. */
    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }
}
