package dev.ccui.domain.project.worktree;

/**
 * What would be lost with a worktree's folder: changes not committed (untracked files included),
 * and commits of its HEAD that no remote-tracking branch holds.
 */
public record WorktreeState(String branch, boolean dirty, int unpushedCommits) {}
