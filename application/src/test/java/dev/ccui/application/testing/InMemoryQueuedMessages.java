package dev.ccui.application.testing;

import dev.ccui.application.run.port.out.QueuedMessages;
import dev.ccui.domain.run.QueuedMessage;
import dev.ccui.domain.run.QueuedMessageId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The message queues in memory, with the database adapter's semantics. */
public final class InMemoryQueuedMessages implements QueuedMessages {
    private final Map<QueuedMessageId, QueuedMessage> messages = new LinkedHashMap<>();

    @Override
    public synchronized Optional<QueuedMessage> append(QueuedMessage message) {
        if (findByClientMessageId(message.authorId(), message.clientMessageId()).isPresent()) {
            return Optional.empty();
        }
        long last = ofSession(message.sessionId()).stream()
                .mapToLong(QueuedMessage::position)
                .max()
                .orElse(0);
        QueuedMessage stored = message.at(last + 1);
        messages.put(stored.id(), stored);
        return Optional.of(stored);
    }

    @Override
    public synchronized Optional<QueuedMessage> find(QueuedMessageId id) {
        return Optional.ofNullable(messages.get(id));
    }

    @Override
    public synchronized Optional<QueuedMessage> findByClientMessageId(UserId authorId, String clientMessageId) {
        return messages.values().stream()
                .filter(m ->
                        m.authorId().equals(authorId) && m.clientMessageId().equals(clientMessageId))
                .findFirst();
    }

    @Override
    public synchronized List<QueuedMessage> ofSession(SessionId sessionId) {
        return messages.values().stream()
                .filter(m -> m.sessionId().equals(sessionId))
                .sorted(Comparator.comparingLong(QueuedMessage::position))
                .toList();
    }

    @Override
    public synchronized boolean update(QueuedMessage message) {
        QueuedMessage old = messages.get(message.id());
        if (old == null) {
            return false;
        }
        messages.put(message.id(), message.at(old.position()));
        return true;
    }

    @Override
    public synchronized boolean moveToFront(QueuedMessageId id) {
        QueuedMessage message = messages.get(id);
        if (message == null) {
            return false;
        }
        long first = ofSession(message.sessionId()).getFirst().position();
        messages.put(id, message.at(first - 1));
        return true;
    }

    @Override
    public synchronized boolean remove(QueuedMessageId id) {
        return messages.remove(id) != null;
    }
}
