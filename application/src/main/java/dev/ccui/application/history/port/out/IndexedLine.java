package dev.ccui.application.history.port.out;

import java.time.Instant;

/**
 * A record of a transcript that becomes a message in the history (a user or assistant line,
 * shown or hidden), found while reading. Its position is what the history pages by.
 */
public record IndexedLine(LineRef ref, String role, Instant timestamp, boolean hidden, boolean sidechain) {}
