package dev.ccui.domain.run;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One run: a prompt sent to a session and everything the CLI does until its result. */
public record RunId(UUID value) {
    public RunId {
        Objects.requireNonNull(value, "value");
    }

    public static RunId random() {
        return new RunId(UUID.randomUUID());
    }

    /** Parses an id taken from outside (a path, a frame); empty when it is not a UUID. */
    public static Optional<RunId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
