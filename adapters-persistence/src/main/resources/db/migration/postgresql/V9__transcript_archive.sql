-- The app's own durable copy of every indexed transcript (issue 19: nothing of the history is
-- lost when the claude CLI's clean-up, or anyone, deletes a transcript file). Unlike the rest of
-- the index this is NOT derived data: once a file is gone, these rows are all that is left of it.
-- Each row is one gzip member holding the bytes [start_offset, end_offset) of the file; the rows of
-- a path are contiguous from 0, appended as the indexer reads the file, so a transcript is stored
-- once however often it grows.
CREATE TABLE transcript_archive (
    path         TEXT         NOT NULL,
    start_offset BIGINT       NOT NULL,
    end_offset   BIGINT       NOT NULL,
    session_id   VARCHAR(128) NOT NULL,
    data         BYTEA         NOT NULL,
    stored_at    BIGINT       NOT NULL,
    PRIMARY KEY (path, start_offset)
);
CREATE INDEX transcript_archive_session ON transcript_archive (session_id);

-- When the file vanished from disk (null while it is there); the session is archived when all
-- its files are.
ALTER TABLE transcript_files ADD COLUMN archived_at BIGINT;
ALTER TABLE sessions ADD COLUMN archived_at BIGINT;
