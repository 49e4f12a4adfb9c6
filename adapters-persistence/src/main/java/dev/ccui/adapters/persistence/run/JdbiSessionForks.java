package dev.ccui.adapters.persistence.run;

import static dev.ccui.adapters.persistence.db.Rows.millis;

import dev.ccui.application.run.port.out.SessionForks;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** {@code session_forks} (V11); the session index reads it back into each session's {@code forkedFrom}. */
public final class JdbiSessionForks implements SessionForks {
    private final Jdbi jdbi;

    public JdbiSessionForks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(SessionId fork, SessionId origin, ProjectId projectId, UserId forkedBy, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO session_forks (session_id, forked_from, project_id, forked_by, "
                        + "forked_at) VALUES (:fork, :origin, :project, :by, :at) ON CONFLICT DO NOTHING")
                .bind("fork", fork.value())
                .bind("origin", origin.value())
                .bind("project", projectId.toString())
                .bind("by", forkedBy == null ? null : forkedBy.toString())
                .bind("at", millis(at))
                .execute());
    }
}
