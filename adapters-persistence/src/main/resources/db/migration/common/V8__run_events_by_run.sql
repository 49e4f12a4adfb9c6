-- A page opened mid-run replays the active run from its first event (subscribed.activeRunFirstSeq).
CREATE INDEX run_events_run ON run_events (run_id, seq);
