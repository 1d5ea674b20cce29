package ops.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The page's sign-in cookie, {@code acd_session=v1.<role>.<expiresEpochS>.<nonce>.<mac>}. It is
 * stateless: the MAC's key is derived from the token of the role it names, so a restart keeps
 * wall screens signed in and a changed token signs everybody of that role out, with no session
 * store; only sign-outs before expiry are kept, by nonce ({@link SignOuts}). The CSRF token is
 * derived from the nonce with the same key.
 */
final class SessionCookies {
    static final String NAME = "acd_session";
    private static final String VERSION = "v1";
    private static final String ATTRIBUTES = "; Path=/; HttpOnly; SameSite=Strict; Max-Age=";
    private static final Map<Role, Duration> LIFETIME = Map.of(Role.ADMIN, Duration.ofHours(12),
            Role.VIEWER, Duration.ofDays(30));
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** A verified cookie: who signed in, and the nonce their CSRF token comes from. */
    record Session(Role role, String nonce, long expiresEpochS) {
    }

    private final Map<Role, byte[]> keys = new EnumMap<>(Role.class);
    private final LongSupplier clockMs;
    private final SecureRandom random = new SecureRandom();

    /** Keys for the admin token and, when not null, the wallboard (viewer) token. */
    SessionCookies(String adminToken, String viewerToken, LongSupplier clockMs) {
        keys.put(Role.ADMIN, key(adminToken));
        if (viewerToken != null) {
            keys.put(Role.VIEWER, key(viewerToken));
        }
        this.clockMs = clockMs;
    }

    /** A {@code Set-Cookie} value signing {@code role} in for its lifetime. */
    String issue(Role role) {
        byte[] n = new byte[16];
        random.nextBytes(n);
        long maxAge = LIFETIME.get(role).toSeconds();
        String fields = VERSION + "." + name(role) + "." + (clockMs.getAsLong() / 1000 + maxAge) + "." + B64.encodeToString(n);
        return NAME + "=" + fields + "." + mac(keys.get(role), fields) + ATTRIBUTES + maxAge;
    }

    /** The {@code Set-Cookie} value that clears the cookie. */
    static String cleared() {
        return NAME + "=" + ATTRIBUTES + 0;
    }

    /** The session of the first valid {@code acd_session} in a {@code Cookie} header, or null. */
    Session verify(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String pair : cookieHeader.split(";")) {
            String p = pair.strip();
            if (p.startsWith(NAME + "=")) {
                Session s = verifyValue(p.substring(NAME.length() + 1));
                if (s != null) {
                    return s;
                }
            }
        }
        return null;
    }

    private Session verifyValue(String value) {
        String[] f = value.split("\\.", -1);
        if (f.length != 5 || !f[0].equals(VERSION)) {
            return null;
        }
        Role role = role(f[1]);
        byte[] key = role == null ? null : keys.get(role);
        if (key == null) {
            return null;
        }
        String fields = value.substring(0, value.lastIndexOf('.'));
        if (!MessageDigest.isEqual(mac(key, fields).getBytes(StandardCharsets.US_ASCII),
                f[4].getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        long expires;
        try {
            expires = Long.parseLong(f[2]);
        } catch (NumberFormatException e) {
            return null;
        }
        return expires * 1000 > clockMs.getAsLong() ? new Session(role, f[3], expires) : null;
    }

    /** The CSRF token for a session: only someone who can read the page's API answers knows it. */
    String csrf(Session session) {
        return mac(keys.get(session.role()), "csrf." + session.nonce());
    }

    static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    private static Role role(String name) {
        for (Role r : Role.values()) {
            if (name(r).equals(name)) {
                return r;
            }
        }
        return null;
    }

    /** key(role) = HMAC-SHA256(SHA-256(token), "acd-session-v1"): never the token itself. */
    private static byte[] key(String token) {
        return hmac(BearerAuth.sha256(token.strip().getBytes(StandardCharsets.UTF_8)), "acd-session-v1");
    }

    private static String mac(byte[] key, String data) {
        return B64.encodeToString(hmac(key, data));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "SessionCookies" + keys.keySet();
    }
}
