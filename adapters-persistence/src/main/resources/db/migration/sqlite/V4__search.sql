-- Session lists are paged by (last_activity_at DESC, id DESC); SQLite sorts NULLs first
-- ascending, so this index also serves "NULLs last" in descending order.
CREATE INDEX sessions_project_activity ON sessions (project_id, last_activity_at DESC, id DESC);

-- Search text, a row per chunk read. The text lives in an ordinary table (shared SQL with
-- PostgreSQL, indexed by file and session so a file's rows are deleted without scanning) and an
-- external-content FTS5 index over it, kept in step by triggers.
CREATE TABLE session_search_text (
    id         INTEGER PRIMARY KEY,
    session_id VARCHAR(128) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    file_path  TEXT         NOT NULL,
    body       TEXT         NOT NULL
);
CREATE INDEX session_search_text_file ON session_search_text (file_path);
CREATE INDEX session_search_text_session ON session_search_text (session_id);

CREATE VIRTUAL TABLE session_search USING fts5(
    body,
    content = 'session_search_text',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER session_search_text_insert AFTER INSERT ON session_search_text BEGIN
    INSERT INTO session_search (rowid, body) VALUES (new.id, new.body);
END;

CREATE TRIGGER session_search_text_delete AFTER DELETE ON session_search_text BEGIN
    INSERT INTO session_search (session_search, rowid, body) VALUES ('delete', old.id, old.body);
END;
