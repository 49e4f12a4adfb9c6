-- Projects and the index of Claude Code's transcripts. The index is derived data: every row of
-- sessions, transcript_files, session_lines and search text can be rebuilt by reading the
-- transcripts again. Instants are epoch milliseconds and flags 0/1 integers, as in V1.
CREATE TABLE projects (
    id         VARCHAR(36) NOT NULL PRIMARY KEY,
    path       TEXT        NOT NULL UNIQUE,
    name       TEXT        NOT NULL,
    starred    INTEGER     NOT NULL DEFAULT 0,
    archived   INTEGER     NOT NULL DEFAULT 0,
    removed    INTEGER     NOT NULL DEFAULT 0,
    discovered INTEGER     NOT NULL DEFAULT 0,
    owner_id   VARCHAR(36) REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL
);
CREATE INDEX projects_owner ON projects (owner_id);

CREATE TABLE project_members (
    project_id VARCHAR(36) NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    user_id    VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_members_user ON project_members (user_id);

-- One row per session with the raw facts its title and figures derive from. models is the set
-- joined with commas; cost_by_start is "processStartMillis=costUsd;…" (Java's shortest
-- round-tripping double text, so it reads back exactly). next_seq is the seq the next line gets.
CREATE TABLE sessions (
    id                VARCHAR(128) NOT NULL PRIMARY KEY,
    project_id        VARCHAR(36)  NOT NULL REFERENCES projects (id),
    cwd               TEXT,
    app_title         TEXT,
    custom_title      TEXT,
    ai_title          TEXT,
    summary           TEXT,
    first_prompt      TEXT,
    last_prompt       TEXT,
    git_branch        TEXT,
    first_activity_at BIGINT,
    last_activity_at  BIGINT,
    message_count     BIGINT       NOT NULL DEFAULT 0,
    models            TEXT         NOT NULL DEFAULT '',
    input_tokens      BIGINT       NOT NULL DEFAULT 0,
    output_tokens     BIGINT       NOT NULL DEFAULT 0,
    cost_by_start     TEXT         NOT NULL DEFAULT '',
    hidden            INTEGER      NOT NULL DEFAULT 0,
    next_seq          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX sessions_cwd ON sessions (cwd);
-- The keyset index of session lists is per database (V4): PostgreSQL needs NULLS LAST in it.

-- How far each transcript file has been read.
CREATE TABLE transcript_files (
    path            TEXT         NOT NULL PRIMARY KEY,
    session_id      VARCHAR(128) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    size            BIGINT       NOT NULL,
    modified_at     BIGINT       NOT NULL,
    file_key        TEXT,
    indexed_offset  BIGINT       NOT NULL,
    last_message_id TEXT,
    bad_lines       INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX transcript_files_session ON transcript_files (session_id);

-- Where each message line of a session is in its file; seq is the history's paging position.
CREATE TABLE session_lines (
    session_id  VARCHAR(128) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq         BIGINT       NOT NULL,
    file_path   TEXT         NOT NULL,
    byte_offset BIGINT       NOT NULL,
    byte_length INTEGER      NOT NULL,
    role        VARCHAR(16),
    at          BIGINT,
    hidden      INTEGER      NOT NULL DEFAULT 0,
    sidechain   INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX session_lines_file ON session_lines (file_path);
