package dev.ccui.application.project.worktree.port.in;

import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.project.worktree.GitWorktree;

/** A working tree of the project's repository, with the project that is its folder when there is one. */
public record Worktree(GitWorktree git, ProjectId projectId) {}
