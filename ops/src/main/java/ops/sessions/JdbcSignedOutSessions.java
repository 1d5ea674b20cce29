package ops.sessions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import ops.records.Storage;

/**
 * {@link SignedOutSessions} in table {@code signed_out_sessions}, a connection per call: a
 * sign-out is rare, and each one also deletes the rows that expired, so the table stays as small
 * as the set of live cookies signed out.
 */
final class JdbcSignedOutSessions implements SignedOutSessions {
    private final Storage storage;

    JdbcSignedOutSessions(Storage storage) {
        this.storage = storage;
    }

    @Override
    public Map<String, Long> unexpired(long nowEpochS) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = storage.dataSource().getConnection()) {
            dropExpired(c, nowEpochS);
            try (PreparedStatement ps = c.prepareStatement("SELECT nonce, expires_s FROM signed_out_sessions");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    @Override
    public void add(String nonce, long expiresEpochS, long nowEpochS) throws SQLException {
        try (Connection c = storage.dataSource().getConnection()) {
            dropExpired(c, nowEpochS);
            // SQLite (3.24+) and PostgreSQL both read ON CONFLICT ... DO NOTHING
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO signed_out_sessions (nonce, expires_s)"
                    + " VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING")) {
                ps.setString(1, nonce);
                ps.setLong(2, expiresEpochS);
                ps.executeUpdate();
            }
        }
    }

    private static void dropExpired(Connection c, long nowEpochS) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM signed_out_sessions WHERE expires_s <= ?")) {
            ps.setLong(1, nowEpochS);
            ps.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return "SignedOutSessions in " + storage.describe();
    }
}
