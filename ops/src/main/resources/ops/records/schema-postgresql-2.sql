-- Registrations, version 2 (PostgreSQL). One statement per ';'.
-- Each server's registered phones, written behind the registrar and read back at start-up, so
-- agents stay reachable across a restart without their phones registering again.
CREATE TABLE registrations (
    server      TEXT    NOT NULL,                  -- the server whose registrar holds the binding
    agent_id    TEXT    NOT NULL,
    contact     TEXT    NOT NULL,                  -- the Contact URI as the phone registered it
    reach_uri   TEXT    NOT NULL,                  -- the Request-URI of INVITEs: the Contact, or behind NAT the source
    transport   TEXT    NOT NULL,                  -- UDP or TCP, of the first hop
    source_host TEXT    NOT NULL,                  -- where the REGISTER came from
    source_port INTEGER NOT NULL,
    expires_ms  BIGINT  NOT NULL,                  -- when the binding lapses unless refreshed (epoch ms)
    call_id     TEXT    NOT NULL,                  -- the REGISTER's Call-ID and CSeq: a late retransmission
    cseq        BIGINT  NOT NULL,                  -- of an older REGISTER is not applied
    path        TEXT,                              -- the Path values (RFC 3327) in order, one per line
    PRIMARY KEY (server, agent_id, contact)
);
