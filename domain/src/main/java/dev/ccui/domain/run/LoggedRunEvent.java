package dev.ccui.domain.run;

import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * A run event as stored in the durable log: {@code seq} orders the events of one session
 * (1, 2, 3, … without gaps while the log is kept) across all its runs.
 */
public record LoggedRunEvent(SessionId sessionId, RunId runId, long seq, Instant at, RunEvent event) {
    public LoggedRunEvent {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1: " + seq);
        }
    }
}
