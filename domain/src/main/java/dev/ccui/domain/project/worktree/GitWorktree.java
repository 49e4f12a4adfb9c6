package dev.ccui.domain.project.worktree;

/**
 * One working tree of a repository as git lists it: the main one (the project's own folder) or a
 * linked one. {@code branch} is null on a detached HEAD; {@code head} null before the first commit.
 */
public record GitWorktree(String path, String head, String branch, boolean main, boolean locked, boolean prunable) {}
