package dev.ccui.application.workspace.terminal;

import java.time.Duration;
import java.util.Objects;

/**
 * @param grace           how long a terminal outlives its connection
 * @param scrollbackBytes output kept for replay on reattach (UTF-8 bytes)
 * @param perUser         open terminals per user
 * @param global          open terminals on this node
 * @param claudeCliPath   the CLI started by {@code open {resumeSessionId}}
 */
public record TerminalSettings(boolean enabled, Duration grace, int scrollbackBytes, int perUser, int global,
                               String claudeCliPath) {
    public TerminalSettings {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(claudeCliPath, "claudeCliPath");
        if (scrollbackBytes < 1024 || perUser < 1 || global < 1) {
            throw new IllegalArgumentException("terminal limits must be positive (scrollback at least 1 KiB)");
        }
    }
}
