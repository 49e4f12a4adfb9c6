-- Search ranks every chunk that holds the words (ts_rank cannot be served from the GIN index),
-- and each chunk's tsvector (2-6 KB compressed) was stored out of line in the TOAST table: the
-- match and the rank each fetched it from there again. On 10,000 sessions (11,700 chunks) a
-- search for a common word spent ~75 ms of its ~140 ms on those fetches; kept in the row (still
-- compressed) the same match and rank take ~8 ms. So a row is toasted only beyond a whole page,
-- the body (up to 16,000 characters) goes out of line first, and the tsvector stays in the row
-- unless nothing else would make it fit.
ALTER TABLE session_search_text SET (toast_tuple_target = 8160);
ALTER TABLE session_search_text ALTER COLUMN tsv SET STORAGE MAIN;

-- Rows written before keep their old layout until rewritten: rewrite them now (the stored tsvector
-- is computed again from the same body; ~7 s for 11,700 chunks here, once).
UPDATE session_search_text SET body = body;
