-- Signed-out sessions, version 3 (SQLite). One statement per ';'.
-- The nonce of each page session cookie signed out before it expires, kept until it would have
-- expired, so a copied cookie stays refused across a restart. Any server of the database
-- refuses it from its next start.
CREATE TABLE signed_out_sessions (
    nonce      TEXT    NOT NULL PRIMARY KEY,      -- the cookie's random nonce (never the cookie itself)
    expires_s  INTEGER NOT NULL                   -- when the cookie expires anyway (epoch s): the row is dropped then
);
