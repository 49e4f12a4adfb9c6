package dev.ccui.domain.common;

import java.util.Optional;
import java.util.UUID;

/** Reading UUIDs that come from outside (paths, tokens, bodies) without exceptions for bad input. */
public final class Uuids {
    private Uuids() {}

    /** The UUID in its canonical 36-character form; empty for anything else. */
    public static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
