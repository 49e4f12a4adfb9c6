package dev.ccui.application.project.worktree.port.out;

import dev.ccui.domain.project.worktree.GitWorktree;
import dev.ccui.domain.project.worktree.WorktreeState;
import java.nio.file.Path;
import java.util.List;

/** git's linked worktrees of a project's repository, in the sandbox; failures as {@code GitClient}'s. */
public interface GitWorktrees {

    /** The main working tree first, then the linked ones. */
    List<GitWorktree> list(Path repository);

    /**
     * Adds a worktree in the existing empty folder {@code target}: on {@code branch} as it is, or
     * ({@code newBranch}) on a new branch of that name from {@code startPoint} (null: HEAD).
     */
    void add(Path repository, Path target, String branch, boolean newBranch, String startPoint);

    /** What removing the worktree would lose. */
    WorktreeState state(Path worktree);

    /** Forgets worktrees whose folder is gone. */
    void prune(Path repository);
}
