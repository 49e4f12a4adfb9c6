-- Issue 15. Messages sent while a session's turn runs wait here, in position order, until the
-- turn ends; they are sent as their author (whose account is checked again then). attachments is
-- JSON ([{mediaType, data}]). Instants are epoch milliseconds, as in V1.
CREATE TABLE queued_messages (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    session_id        VARCHAR(128) NOT NULL,
    project_id        VARCHAR(36)  NOT NULL,
    author_id         VARCHAR(36)  NOT NULL,
    author_name       VARCHAR(64)  NOT NULL,
    position          BIGINT       NOT NULL,
    prompt            TEXT         NOT NULL,
    attachments       TEXT,
    model             VARCHAR(100),
    effort            VARCHAR(16),
    permission_mode   VARCHAR(32),
    client_message_id VARCHAR(128) NOT NULL,
    queued_at         BIGINT       NOT NULL,
    updated_at        BIGINT       NOT NULL,
    CONSTRAINT queued_messages_client_message UNIQUE (author_id, client_message_id)
);
CREATE INDEX queued_messages_session ON queued_messages (session_id, position);

-- A session started from another one's history (the CLI's --resume <origin> --fork-session)
-- remembers where it came from; the origin's transcript is never touched.
CREATE TABLE session_forks (
    session_id  VARCHAR(128) NOT NULL PRIMARY KEY,
    forked_from VARCHAR(128) NOT NULL,
    project_id  VARCHAR(36)  NOT NULL,
    forked_by   VARCHAR(36),
    forked_at   BIGINT       NOT NULL
);
CREATE INDEX session_forks_origin ON session_forks (forked_from);

-- The model and effort a turn was asked for (null: the session's or the CLI's default).
ALTER TABLE runs ADD COLUMN model VARCHAR(100);
ALTER TABLE runs ADD COLUMN effort VARCHAR(16);
