package ops.sessions;

import java.sql.SQLException;
import java.util.Map;
import ops.records.Storage;

/**
 * Page sessions signed out before their cookie expires, by the cookie's nonce, kept until that
 * expiry so a restart keeps refusing a copied cookie. The admin server holds them in memory and
 * writes each sign-out here; {@link #NONE} keeps nothing (sign-outs then last until a restart).
 */
public interface SignedOutSessions {
    SignedOutSessions NONE = new SignedOutSessions() {
        @Override
        public Map<String, Long> unexpired(long nowEpochS) {
            return Map.of();
        }

        @Override
        public void add(String nonce, long expiresEpochS, long nowEpochS) {
        }

        @Override
        public String toString() {
            return "SignedOutSessions.NONE";
        }
    };

    /** Kept in the server's storage (table {@code signed_out_sessions}; {@link Storage#open} creates it). */
    static SignedOutSessions in(Storage storage) {
        return new JdbcSignedOutSessions(storage);
    }

    /** Nonce to expiry (epoch s) of the sign-outs whose cookies are still unexpired at {@code nowEpochS}; drops the rest. */
    Map<String, Long> unexpired(long nowEpochS) throws SQLException;

    /**
     * Keeps one sign-out until {@code expiresEpochS} (a nonce kept already is left as it is), and
     * drops those expired at {@code nowEpochS}.
     */
    void add(String nonce, long expiresEpochS, long nowEpochS) throws SQLException;
}
