package dev.ccui.application.common;

import dev.ccui.domain.error.InvalidException;

/** Shared bounds of paged queries, so no caller can ask for an unbounded page. */
public final class Limits {
    private Limits() {}

    public static int pageSize(Integer requested, int defaultSize, int max) {
        if (requested == null) {
            return defaultSize;
        }
        if (requested < 1 || requested > max) {
            throw new InvalidException("limit", "limit must be between 1 and " + max);
        }
        return requested;
    }
}
