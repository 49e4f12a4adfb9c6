package dev.ccui.domain.workspace.git;

/** A unified diff; {@code truncated} when it was cut at the size limit. */
public record GitDiff(String diff, boolean truncated) {}
