package dev.ccui.application.run.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.util.List;
import java.util.function.Consumer;

/** Everything a client does with runs: start and steer them, answer their questions, list and follow them. */
public interface RunUseCase {

    /**
     * Starts (or, for a known client message id, returns) a run. Refuses with 429 beyond the
     * per-user or global limit of active runs and with 409 while the session has an active run.
     */
    StartedRun start(Principal caller, StartRunCommand command, ClientInfo client);

    /** Asks the run to stop; it ends with {@code run_ended interrupted}. Nothing happens when it already ended. */
    void interrupt(Principal caller, RunId runId, ClientInfo client);

    /**
     * Answers a pending request ({@code requestId} is the CLI's own id of it); exactly one answer
     * wins, any other gets a conflict (409).
     */
    void decide(Principal caller, RunId runId, String requestId, PermissionAnswer answer, ClientInfo client);

    /** The caller's runs newest first (everyone's for an admin). */
    List<Run> list(Principal caller, boolean activeOnly);

    Run get(Principal caller, RunId runId);

    /** Stored events of the session after {@code afterSeq}, oldest first. */
    List<LoggedRunEvent> events(Principal caller, SessionId sessionId, long afterSeq, int limit);

    /**
     * Follows the session: the sink gets every event after {@code afterSeq} once, in order, from
     * the log and then live. The sink must not block (it is called on the run's thread).
     */
    EventSubscription subscribe(Principal caller, SessionId sessionId, long afterSeq, Consumer<LoggedRunEvent> sink);
}
