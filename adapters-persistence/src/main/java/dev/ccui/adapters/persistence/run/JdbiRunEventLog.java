package dev.ccui.adapters.persistence.run;

import static dev.ccui.adapters.persistence.db.Rows.instant;
import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The event log on SQLite or PostgreSQL. The next seq comes from a per-session counter row
 * bumped in the same transaction as the insert, so a number is used once even after pruning.
 */
public final class JdbiRunEventLog implements RunEventLog {
    private final Jdbi jdbi;
    private final RunEventJson json = new RunEventJson();

    public JdbiRunEventLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public LoggedRunEvent append(SessionId sessionId, RunId runId, RunEvent event, Instant at) {
        String payload = json.write(event);
        long seq = jdbi.inTransaction(h -> {
            long next = h.createQuery("INSERT INTO run_event_counters (session_id, last_seq) VALUES (:session, 1) "
                            + "ON CONFLICT (session_id) DO UPDATE SET last_seq = run_event_counters.last_seq + 1 "
                            + "RETURNING last_seq")
                    .bind("session", sessionId.value())
                    .mapTo(Long.class)
                    .one();
            h.createUpdate("INSERT INTO run_events (session_id, seq, run_id, at, kind, payload) "
                            + "VALUES (:session, :seq, :run, :at, :kind, :payload)")
                    .bind("session", sessionId.value())
                    .bind("seq", next)
                    .bind("run", runId.toString())
                    .bind("at", millis(at))
                    .bind("kind", event.kind())
                    .bind("payload", payload)
                    .execute();
            return next;
        });
        return new LoggedRunEvent(sessionId, runId, seq, at, event);
    }

    @Override
    public List<LoggedRunEvent> after(SessionId sessionId, long afterSeq, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT seq, run_id, at, kind, payload FROM run_events "
                        + "WHERE session_id = :session AND seq > :after ORDER BY seq LIMIT :limit")
                .bind("session", sessionId.value())
                .bind("after", afterSeq)
                .bind("limit", limit)
                .map((rs, ctx) -> new LoggedRunEvent(
                        sessionId,
                        new RunId(UUID.fromString(rs.getString("run_id"))),
                        rs.getLong("seq"),
                        instant(rs, "at"),
                        json.read(rs.getString("kind"), rs.getString("payload"))))
                .list());
    }

    @Override
    public long firstSeqOfRun(SessionId sessionId, RunId runId) {
        // run_events_run (V8) answers this without walking the session's older runs.
        return jdbi.withHandle(
                h -> h.createQuery("SELECT MIN(seq) FROM run_events WHERE run_id = :run AND session_id = :session")
                        .bind("run", runId.toString())
                        .bind("session", sessionId.value())
                        .mapTo(Long.class)
                        .findOne()
                        .orElse(0L));
    }

    @Override
    public long lastSeq(SessionId sessionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_seq FROM run_event_counters WHERE session_id = :session")
                .bind("session", sessionId.value())
                .mapTo(Long.class)
                .findOne()
                .orElse(0L));
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM run_events WHERE at < :cutoff")
                .bind("cutoff", millis(cutoff))
                .execute());
    }
}
