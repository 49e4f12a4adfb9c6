package dev.ccui.application.run;

import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.run.port.in.EventSubscription;
import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of sessions on this node. Live events come from the event bus, not from this
 * node's processes, so a subscriber follows a session whichever node runs it; each subscriber
 * gets the stored events it missed first ({@link FeedSubscription}).
 */
final class SubscriberFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberFeed.class);

    private final RunEventLog log;
    private final RunRepository runs;
    private final Function<SessionId, RunId> activeHere;
    private final Map<SessionId, Set<FeedSubscription>> subscribers = new ConcurrentHashMap<>();
    private final AutoCloseable busSubscription;

    /** @param activeHere the session's run active on this node, or {@code null} */
    SubscriberFeed(RunEventLog log, RunRepository runs, EventBus bus, Function<SessionId, RunId> activeHere) {
        this.log = log;
        this.runs = runs;
        this.activeHere = activeHere;
        this.busSubscription = bus.subscribe(event -> {
            if (event instanceof AppEvent.RunEventLogged logged) {
                dispatch(logged.logged());
            }
        });
    }

    EventSubscription subscribe(SessionId sessionId, long afterSeq, Consumer<LoggedRunEvent> sink) {
        FeedSubscription subscription = new FeedSubscription(log, sessionId, Math.max(0, afterSeq), sink, this::remove);
        subscribers
                .computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet())
                .add(subscription);
        // Read after registering: anything appended from now on reaches the subscription live.
        long lastSeq = log.lastSeq(sessionId);
        RunId activeRunId = activeHere.apply(sessionId);
        if (activeRunId == null) {
            // Another node's run (or one this node lost) counts while its row says it is active.
            activeRunId = runs.latestOfSession(sessionId)
                    .filter(Run::active)
                    .map(Run::id)
                    .orElse(null);
        }
        long activeRunFirstSeq = activeRunId == null ? 0 : log.firstSeqOfRun(sessionId, activeRunId);
        subscription.began(lastSeq, activeRunId, activeRunFirstSeq);
        return subscription;
    }

    private void dispatch(LoggedRunEvent logged) {
        Set<FeedSubscription> set = subscribers.get(logged.sessionId());
        if (set != null) {
            set.forEach(subscription -> subscription.live(logged));
        }
    }

    private void remove(FeedSubscription subscription) {
        Set<FeedSubscription> set = subscribers.get(subscription.sessionId());
        if (set != null) {
            set.remove(subscription);
            subscribers.computeIfPresent(subscription.sessionId(), (id, s) -> s.isEmpty() ? null : s);
        }
    }

    @Override
    public void close() {
        try {
            busSubscription.close();
        } catch (Exception e) {
            LOG.debug("closing the run event subscription failed", e);
        }
    }
}
