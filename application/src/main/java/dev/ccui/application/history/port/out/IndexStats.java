package dev.ccui.application.history.port.out;

/** How much the transcript index holds. */
public record IndexStats(long files, long sessions, long bytesIndexed) {}
