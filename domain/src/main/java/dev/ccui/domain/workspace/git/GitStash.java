package dev.ccui.domain.workspace.git;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of {@code git stash list}; {@code index} is its place in the list ({@code stash@{index}}),
 * which moves when a newer entry is saved or an older one dropped, so {@code commit} names it for good.
 */
public record GitStash(int index, String commit, String message, Instant createdAt) {
    public GitStash {
        if (index < 0) {
            throw new IllegalArgumentException("a stash index is not negative");
        }
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(message, "message");
    }
}
