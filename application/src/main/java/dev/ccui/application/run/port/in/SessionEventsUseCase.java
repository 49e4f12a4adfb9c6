package dev.ccui.application.run.port.in;

import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.session.SessionId;
import java.util.List;
import java.util.function.Consumer;

public interface SessionEventsUseCase {

    /** Stored events of the session after {@code afterSeq}, oldest first. */
    List<LoggedRunEvent> events(Principal caller, SessionId sessionId, long afterSeq, int limit);

    /**
     * Follows the session: the sink gets every event after {@code afterSeq} once, in order, from
     * the log and then live. The sink must not block (it is called on the run's thread).
     */
    EventSubscription subscribe(Principal caller, SessionId sessionId, long afterSeq, Consumer<LoggedRunEvent> sink);
}
