package dev.ccui.domain.project;

import dev.ccui.domain.common.Uuids;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record ProjectId(UUID value) {
    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID());
    }

    /** Parses an id taken from outside (a path, a token); empty when it is not a UUID. */
    public static Optional<ProjectId> parse(String text) {
        return Uuids.parse(text).map(ProjectId::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
