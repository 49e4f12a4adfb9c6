package dev.ccui.domain.run;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A message waiting in a session's queue until the running turn ends. */
public record QueuedMessageId(UUID value) {
    public QueuedMessageId {
        Objects.requireNonNull(value, "value");
    }

    public static QueuedMessageId random() {
        return new QueuedMessageId(UUID.randomUUID());
    }

    /** Parses an id taken from outside (a path, a frame); empty when it is not a UUID. */
    public static Optional<QueuedMessageId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new QueuedMessageId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
