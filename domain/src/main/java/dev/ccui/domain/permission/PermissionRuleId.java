package dev.ccui.domain.permission;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A saved permission rule. */
public record PermissionRuleId(UUID value) {
    public PermissionRuleId {
        Objects.requireNonNull(value, "value");
    }

    public static PermissionRuleId random() {
        return new PermissionRuleId(UUID.randomUUID());
    }

    /** Parses an id taken from a path; empty when it is not a UUID. */
    public static Optional<PermissionRuleId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PermissionRuleId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
