package dev.ccui.application.run;

import dev.ccui.application.run.port.in.EventSubscription;
import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber of a session. Live events are held back until the stored ones were replayed,
 * and every event is delivered once, in seq order: the replay and the live feed overlap, and
 * the bus may drop an event of another node, which is then read from the log.
 */
final class FeedSubscription implements EventSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSubscription.class);
    private static final int REPLAY_PAGE = 500;

    private final RunEventLog log;
    private final SessionId sessionId;
    private final long afterSeq;
    private final Consumer<LoggedRunEvent> sink;
    private final Consumer<FeedSubscription> onClose;
    private final List<LoggedRunEvent> held = new ArrayList<>();
    private volatile long lastSeq;
    private volatile RunId activeRunId;
    private volatile long activeRunFirstSeq;
    // Guarded by this.
    private boolean replayed;
    private boolean closed;
    private long delivered;

    FeedSubscription(
            RunEventLog log,
            SessionId sessionId,
            long afterSeq,
            Consumer<LoggedRunEvent> sink,
            Consumer<FeedSubscription> onClose) {
        this.log = log;
        this.sessionId = sessionId;
        this.afterSeq = afterSeq;
        this.sink = sink;
        this.onClose = onClose;
        this.delivered = afterSeq;
    }

    /** What the session looked like once this subscription was registered. */
    void began(long lastSeqAtStart, RunId activeRun, long activeRunFirst) {
        this.lastSeq = lastSeqAtStart;
        this.activeRunId = activeRun;
        this.activeRunFirstSeq = activeRunFirst;
    }

    SessionId sessionId() {
        return sessionId;
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    @Override
    public Optional<RunId> activeRunId() {
        return Optional.ofNullable(activeRunId);
    }

    @Override
    public long activeRunFirstSeq() {
        return activeRunFirstSeq;
    }

    @Override
    public void replay() {
        long cursor = afterSeq;
        while (true) {
            List<LoggedRunEvent> page = log.after(sessionId, cursor, REPLAY_PAGE);
            synchronized (this) {
                if (closed) {
                    return;
                }
                page.forEach(this::deliver);
            }
            if (page.size() < REPLAY_PAGE) {
                break;
            }
            cursor = page.getLast().seq();
        }
        synchronized (this) {
            held.forEach(this::deliver);
            held.clear();
            replayed = true;
        }
    }

    synchronized void live(LoggedRunEvent event) {
        if (closed) {
            return;
        }
        if (!replayed) {
            held.add(event);
            return;
        }
        if (event.seq() > delivered + 1) {
            // Another node's event overtook one this node never saw (pub/sub is at most once): fill from the log.
            for (LoggedRunEvent missed :
                    log.after(sessionId, delivered, (int) Math.min(REPLAY_PAGE, event.seq() - delivered - 1))) {
                if (missed.seq() < event.seq()) {
                    deliver(missed);
                }
            }
        }
        deliver(event);
    }

    private void deliver(LoggedRunEvent event) {
        if (event.seq() <= delivered) {
            return;
        }
        delivered = event.seq();
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            LOG.debug("a run event subscriber failed", e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            held.clear();
        }
        onClose.accept(this);
    }
}
