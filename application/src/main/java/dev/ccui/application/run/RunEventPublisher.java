package dev.ccui.application.run;

import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Appends a run event to the durable log, which gives it its seq, and only then publishes it:
 * a subscriber never hears of an event the log cannot replay, and the seq it sees is final.
 */
final class RunEventPublisher {
    private final RunEventLog log;
    private final EventBus bus;
    private final Clock clock;

    RunEventPublisher(RunEventLog log, EventBus bus, Clock clock) {
        this.log = log;
        this.bus = bus;
        this.clock = clock;
    }

    LoggedRunEvent append(SessionId sessionId, RunId runId, RunEvent event) {
        // Stamped to the millisecond, the precision the log keeps: an event must read the same
        // live and replayed (a client that catches up compares them).
        LoggedRunEvent logged =
                log.append(sessionId, runId, event, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        bus.publish(new AppEvent.RunEventLogged(logged));
        return logged;
    }
}
