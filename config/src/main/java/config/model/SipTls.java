package config.model;

import java.nio.file.Path;
import java.util.Objects;

/**
 * SIP over TLS ({@code sip.tls}); absent, the server speaks UDP and TCP only.
 *
 * @param listen      where TLS is served (port 5061 unless given)
 * @param certificate PEM file: the server's certificate, then any intermediates
 * @param key         PEM file: its private key, unencrypted
 */
public record SipTls(HostPort listen, Path certificate, Path key) {
    public static final int DEFAULT_PORT = 5061;

    public SipTls {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
    }
}
