package dev.ccui.application.history.port.out;

/** Where the message at position {@code seq} of a session is written. */
public record MessageLine(long seq, LineRef ref) {}
