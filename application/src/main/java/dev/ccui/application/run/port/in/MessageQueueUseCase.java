package dev.ccui.application.run.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.run.QueuedMessage;
import dev.ccui.domain.run.QueuedMessageId;
import dev.ccui.domain.session.SessionId;
import java.util.List;

/**
 * A session's queue: prompts sent while its turn runs wait, durable and in order, and are sent
 * one by one as the turns end. Whoever may steer the session's runs (its project's people and
 * admins) sees, edits and removes them; each is sent as its author.
 */
public interface MessageQueueUseCase {

    /**
     * Starts the prompt when its session is idle and nothing waits; otherwise queues it behind
     * the running turn (and what already waits). A known client message id answers what it
     * became (its run, or its place in the queue).
     */
    SendOutcome sendOrQueue(Principal caller, StartRunCommand command, ClientInfo client);

    /** The waiting messages of the session, in the order they will be sent. */
    List<QueuedMessage> queued(Principal caller, SessionId sessionId);

    /** Changes a waiting message; 404 once it was sent or removed. */
    QueuedMessage edit(
            Principal caller, SessionId sessionId, QueuedMessageId id, QueuedMessageEdit edit, ClientInfo client);

    /** Takes a waiting message out of the queue; 404 once it was sent or removed. */
    void remove(Principal caller, SessionId sessionId, QueuedMessageId id, ClientInfo client);

    /**
     * Puts the message first and interrupts the running turn, so that it is the next prompt the
     * CLI gets; sends it at once when no turn runs.
     */
    SendOutcome sendNow(Principal caller, SessionId sessionId, QueuedMessageId id, ClientInfo client);
}
