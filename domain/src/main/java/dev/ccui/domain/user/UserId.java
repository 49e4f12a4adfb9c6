package dev.ccui.domain.user;

import dev.ccui.domain.common.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    /** Parses an id taken from outside (a path, a token); empty when it is not a UUID. */
    public static Optional<UserId> parse(String text) {
        return Uuids.parse(text).map(UserId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
