package dev.ccui.application.run.port.out;

import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.time.Instant;
import java.util.List;

/**
 * The durable log of run events. Events of one session are appended by one writer at a time
 * (the node that owns the session's process), so sequence numbers never race.
 */
public interface RunEventLog {

    /** Stores the event with the next sequence number of its session and returns it as stored. */
    LoggedRunEvent append(SessionId sessionId, RunId runId, RunEvent event, Instant at);

    /** Events of the session with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
    List<LoggedRunEvent> after(SessionId sessionId, long afterSeq, int limit);

    /** The seq of the run's first stored event in the session; 0 when it has none (yet, or any more). */
    long firstSeqOfRun(SessionId sessionId, RunId runId);

    /** The highest sequence number given in the session so far; 0 when none. */
    long lastSeq(SessionId sessionId);

    /** Forgets events stored before {@code cutoff}; sequence numbers are never given again. */
    int deleteOlderThan(Instant cutoff);
}
