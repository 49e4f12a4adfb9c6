package dev.ccui.application.project.worktree.port.in;

import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.ProjectOverview;
import java.util.List;

/**
 * Git worktrees as projects: each linked worktree is a project of its own, linked to the project
 * whose repository it shares (its parent), usable only by who may use the parent.
 */
public interface WorktreeUseCase {

    List<Worktree> list(Principal caller, ProjectId parent);

    /** Adds the worktree in a new folder (confined like a registration) and registers it to the caller. */
    ProjectOverview create(Principal caller, ProjectId parent, NewWorktreeCommand command, ClientInfo client);

    /**
     * Deletes the worktree's folder and its project; {@code WORKTREE_DIRTY} or {@code WORKTREE_UNPUSHED}
     * (409) unless {@code force}. Its branch stays.
     */
    void remove(Principal caller, ProjectId parent, ProjectId worktree, boolean force, ClientInfo client);
}
