-- Session lists are paged by (last_activity_at DESC NULLS LAST, id DESC).
CREATE INDEX sessions_project_activity ON sessions (project_id, last_activity_at DESC NULLS LAST, id DESC);

-- Search text, a row per chunk read, with its tsvector ('simple': no stemming, no stop words,
-- the same words in every language) and a GIN index over it. Punctuation becomes spaces before
-- parsing, so that words split as SQLite's unicode61 splits them: PostgreSQL's parser would
-- otherwise keep "src/Main.java" or "example.com" as one token, and drop XML-like tags and
-- everything inside <script>…</script>, which transcripts full of code are full of.
CREATE TABLE session_search_text (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id VARCHAR(128) NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    file_path  TEXT         NOT NULL,
    body       TEXT         NOT NULL,
    tsv        tsvector     GENERATED ALWAYS AS (to_tsvector('simple', regexp_replace(body, '[[:punct:]]+', ' ', 'g'))) STORED
);
CREATE INDEX session_search_text_file ON session_search_text (file_path);
CREATE INDEX session_search_text_session ON session_search_text (session_id);
CREATE INDEX session_search ON session_search_text USING GIN (tsv);
