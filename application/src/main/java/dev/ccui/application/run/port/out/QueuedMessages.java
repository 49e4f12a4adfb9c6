package dev.ccui.application.run.port.out;

import dev.ccui.domain.run.QueuedMessage;
import dev.ccui.domain.run.QueuedMessageId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/** The durable queues of waiting messages, one per session, ordered by position. */
public interface QueuedMessages {

    /**
     * Stores the message last in its session's queue (the store gives the position) and returns
     * it as stored; empty when its author already queued that client message id.
     */
    Optional<QueuedMessage> append(QueuedMessage message);

    Optional<QueuedMessage> find(QueuedMessageId id);

    Optional<QueuedMessage> findByClientMessageId(UserId authorId, String clientMessageId);

    /** The session's waiting messages, first to be sent first. */
    List<QueuedMessage> ofSession(SessionId sessionId);

    /** Stores an edit (prompt, model, effort, mode, updatedAt); false when the message is gone. */
    boolean update(QueuedMessage message);

    /** Puts the message before every other of its session; false when it is gone. */
    boolean moveToFront(QueuedMessageId id);

    /** Takes the message out; false when it was already gone (sent or removed elsewhere). */
    boolean remove(QueuedMessageId id);
}
