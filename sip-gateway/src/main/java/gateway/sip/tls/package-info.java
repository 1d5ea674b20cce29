/**
 * SIP over TLS: the server's certificate and key from PEM files, reloaded when they change, and
 * the protocol versions and cipher suites we allow. The connections themselves are
 * {@code gateway.sip.tcp}'s, TLS being a layer on the same guarded stream connections.
 */
package gateway.sip.tls;
