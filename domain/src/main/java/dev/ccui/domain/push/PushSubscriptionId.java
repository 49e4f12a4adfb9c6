package dev.ccui.domain.push;

import dev.ccui.domain.common.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record PushSubscriptionId(UUID value) {
    public PushSubscriptionId {
        Objects.requireNonNull(value, "value");
    }

    public static PushSubscriptionId random() {
        return new PushSubscriptionId(UUID.randomUUID());
    }

    /** Parses an id taken from a path; empty when it is not a UUID. */
    public static Optional<PushSubscriptionId> parse(String text) {
        return Uuids.parse(text).map(PushSubscriptionId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
