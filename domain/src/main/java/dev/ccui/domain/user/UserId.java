package dev.ccui.domain.user;

import java.util.Objects;
import java.util.UUID;

public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Parses an id taken from outside (a path, a token); empty when it is not a UUID. */
    public static java.util.Optional<UserId> parse(String text) {
        if (text == null || text.length() != 36) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new UserId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
