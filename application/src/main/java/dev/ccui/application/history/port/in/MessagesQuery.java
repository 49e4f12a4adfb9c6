package dev.ccui.application.history.port.in;

import dev.ccui.domain.error.InvalidException;

/**
 * Which page of a session's history: the newest ({@code before} null), older than {@code before},
 * newer than {@code after}, or the one with {@code around} in its middle. At most one position.
 */
public record MessagesQuery(Integer limit, Long before, Long after, Long around) {
    public MessagesQuery {
        int given = (before == null ? 0 : 1) + (after == null ? 0 : 1) + (around == null ? 0 : 1);
        if (given > 1) {
            throw new InvalidException(
                    before != null ? "before" : "after", "give only one of before, after and around");
        }
        if (before != null && before < 0) {
            throw new InvalidException("before", "before must be a nextBefore value");
        }
        if (after != null && after < -1) {
            throw new InvalidException("after", "after must be a nextAfter value (or -1 for the first page)");
        }
        if (around != null && around < 0) {
            throw new InvalidException("around", "around must be the seq of a message");
        }
    }

    public static MessagesQuery newest(Integer limit) {
        return new MessagesQuery(limit, null, null, null);
    }
}
