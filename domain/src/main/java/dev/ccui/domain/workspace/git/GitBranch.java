package dev.ccui.domain.workspace.git;

/** A local branch; {@code upstream} is null when it tracks nothing. */
public record GitBranch(String name, String commit, boolean current, String upstream) {}
