-- A session has one turn at a time, whichever node runs it. Each node used to check only its own
-- processes, so two nodes could each start a turn of one session: two CLIs resuming one
-- transcript. The database now refuses a second active run of a session (an insert that would
-- make one does nothing, and the app answers RUN_ACTIVE or queues the message).
-- An active run beside a newer active run of its session (possible before this) is ended as
-- lost first, so that the index can be made.
UPDATE runs SET state = 'LOST', ended_at = started_at
WHERE state IN ('STARTING', 'RUNNING', 'AWAITING_PERMISSION', 'INTERRUPTING')
  AND EXISTS (
    SELECT 1 FROM runs newer
    WHERE newer.session_id = runs.session_id
      AND newer.state IN ('STARTING', 'RUNNING', 'AWAITING_PERMISSION', 'INTERRUPTING')
      AND (newer.started_at > runs.started_at
           OR (newer.started_at = runs.started_at AND newer.id > runs.id)));
CREATE UNIQUE INDEX runs_one_active_per_session ON runs (session_id)
WHERE state IN ('STARTING', 'RUNNING', 'AWAITING_PERMISSION', 'INTERRUPTING');
