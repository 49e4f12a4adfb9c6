package dev.ccui.application.workspace.git.port.out;

/** A unified diff; {@code truncated} when it was cut at the size limit. */
public record GitDiff(String diff, boolean truncated) {
}
