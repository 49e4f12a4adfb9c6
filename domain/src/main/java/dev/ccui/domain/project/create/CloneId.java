package dev.ccui.domain.project.create;

import dev.ccui.domain.common.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** One clone in progress or just finished (kept in memory by the node that runs it). */
public record CloneId(UUID value) {
    public CloneId {
        Objects.requireNonNull(value, "value");
    }

    public static CloneId random() {
        return new CloneId(UUID.randomUUID());
    }

    public static Optional<CloneId> parse(String text) {
        return Uuids.parse(text).map(CloneId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
