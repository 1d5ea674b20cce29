-- Call records and queue events, version 1 (PostgreSQL). One statement per ';'.
-- Times are epoch milliseconds (UTC): to_timestamp(arrived_ms / 1000.0) reads them in psql.
CREATE TABLE calls (
    call_id        TEXT    NOT NULL PRIMARY KEY,
    server         TEXT    NOT NULL,               -- the server that took the call
    arrived_ms     BIGINT  NOT NULL,
    queued_ms      BIGINT,                         -- entered its (first) queue
    answered_ms    BIGINT,                         -- an agent answered
    ended_ms       BIGINT  NOT NULL,
    dialed         TEXT,                           -- Request-URI user
    caller_number  TEXT,
    caller_name    TEXT,
    source         TEXT,                           -- trunk id, or the agent id of a calling phone
    entry          TEXT,                           -- first menu or queue: 'menu:main', 'queue:sales'
    menu_path      TEXT,                           -- menus entered, in order, '>'-joined
    keys           TEXT,                           -- keys pressed, in order
    queue_id       TEXT,                           -- the queue it waited in last
    department     TEXT,
    agent_id       TEXT,                           -- the agent who answered
    outcome        TEXT    NOT NULL,               -- ANSWERED, ABANDONED_IVR, ABANDONED_QUEUE, TIMED_OUT, NO_AGENTS,
                                                   -- QUEUE_FULL, VOICEMAIL, TRANSFERRED, FAILED, MEDIA_TIMEOUT, CRASHED
    wait_ms        BIGINT  NOT NULL DEFAULT 0,     -- queued until answered or gone
    talk_ms        BIGINT  NOT NULL DEFAULT 0,
    wrapup_ms      BIGINT  NOT NULL DEFAULT 0,
    rings_tried    INTEGER NOT NULL DEFAULT 0,
    rings_missed   INTEGER NOT NULL DEFAULT 0,
    agents_rung    TEXT,                           -- agent ids in ring order, ','-joined
    recording_file TEXT,
    voicemail_file TEXT,
    hangup_side    TEXT                            -- CALLER, AGENT, SYSTEM
);
CREATE INDEX calls_ended ON calls (ended_ms);
CREATE INDEX calls_queue ON calls (queue_id, arrived_ms);
CREATE INDEX calls_agent ON calls (agent_id, arrived_ms);
CREATE INDEX calls_department ON calls (department, arrived_ms);

-- Queue and agent events, one row each, in Asterisk queue_log's terms (event names and data fields).
CREATE TABLE events (
    id       BIGSERIAL PRIMARY KEY,
    at_ms    BIGINT  NOT NULL,
    server   TEXT    NOT NULL,
    call_id  TEXT    NOT NULL,                     -- 'NONE' for agent events
    queue_id TEXT    NOT NULL,                     -- 'NONE' when no queue
    agent_id TEXT    NOT NULL,                     -- 'NONE' when no agent
    event    TEXT    NOT NULL,                     -- ENTERQUEUE, RINGNOANSWER, CONNECT, COMPLETECALLER, COMPLETEAGENT,
                                                   -- ABANDON, EXITWITHTIMEOUT, EXITEMPTY, PAUSE, UNPAUSE, AGENTLOGIN, AGENTLOGOFF, ...
    data1    TEXT, data2 TEXT, data3 TEXT, data4 TEXT, data5 TEXT
);
CREATE INDEX events_time ON events (at_ms);
CREATE INDEX events_call ON events (call_id);
CREATE INDEX events_agent ON events (agent_id, at_ms);

-- Calls in progress, so a call cut short by a crash gets its record at the next start-up.
CREATE TABLE open_calls (
    call_id       TEXT    NOT NULL PRIMARY KEY,
    server        TEXT    NOT NULL,
    arrived_ms    BIGINT  NOT NULL,
    last_seen_ms  BIGINT  NOT NULL,
    dialed        TEXT,
    caller_number TEXT,
    caller_name   TEXT,
    source        TEXT,
    queue_id      TEXT,
    agent_id      TEXT
);
