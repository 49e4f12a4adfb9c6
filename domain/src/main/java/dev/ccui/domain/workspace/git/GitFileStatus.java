package dev.ccui.domain.workspace.git;

/**
 * One changed path. {@code index} and {@code worktree} are git's one-letter codes ({@code M}
 * modified, {@code A} added, {@code D} deleted, {@code R} renamed, {@code C} copied, {@code U}
 * unmerged, {@code ?} untracked, {@code .} unchanged); {@code originalPath} is set for renames.
 */
public record GitFileStatus(String path, String originalPath, char index, char worktree, boolean conflicted) {
    public boolean untracked() {
        return index == '?';
    }

    public boolean staged() {
        return index != '.' && index != '?' && !conflicted;
    }
}
