-- Live runs and their durable event log. Instants are epoch milliseconds, as in V1.
-- No foreign keys to users or projects: the log outlives a deleted user and is pruned by retention.
CREATE TABLE runs (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    session_id        VARCHAR(128) NOT NULL,
    project_id        VARCHAR(36)  NOT NULL,
    user_id           VARCHAR(36),
    state             VARCHAR(32)  NOT NULL,
    client_message_id VARCHAR(128),
    started_at        BIGINT       NOT NULL,
    ended_at          BIGINT,
    CONSTRAINT runs_client_message UNIQUE (user_id, client_message_id)
);
CREATE INDEX runs_session ON runs (session_id);
CREATE INDEX runs_state ON runs (state);
CREATE INDEX runs_started ON runs (started_at);

-- The last sequence number given per session; kept when events are pruned so numbers never repeat.
CREATE TABLE run_event_counters (
    session_id VARCHAR(128) NOT NULL PRIMARY KEY,
    last_seq   BIGINT       NOT NULL
);

-- payload is the event's JSON (kind included).
CREATE TABLE run_events (
    session_id VARCHAR(128) NOT NULL,
    seq        BIGINT       NOT NULL,
    run_id     VARCHAR(36)  NOT NULL,
    at         BIGINT       NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    payload    TEXT         NOT NULL,
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX run_events_at ON run_events (at);
