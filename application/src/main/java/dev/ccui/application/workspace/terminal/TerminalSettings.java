package dev.ccui.application.workspace.terminal;

import dev.ccui.application.history.CliCleanupPeriod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * @param grace           how long a terminal outlives its connection
 * @param scrollbackBytes output kept for replay on reattach (UTF-8 bytes)
 * @param perUser         open terminals per user
 * @param global          open terminals on this node
 * @param claudeCliPath   the CLI started by {@code open {resumeSessionId}}
 * @param cliCleanup      the transcript clean-up period that CLI is started with
 */
public record TerminalSettings(
        boolean enabled,
        Duration grace,
        int scrollbackBytes,
        int perUser,
        int global,
        String claudeCliPath,
        CliCleanupPeriod cliCleanup) {
    public TerminalSettings {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(claudeCliPath, "claudeCliPath");
        Objects.requireNonNull(cliCleanup, "cliCleanup");
        if (scrollbackBytes < 1024 || perUser < 1 || global < 1) {
            throw new IllegalArgumentException("terminal limits must be positive (scrollback at least 1 KiB)");
        }
    }

    public TerminalSettings(
            boolean enabled, Duration grace, int scrollbackBytes, int perUser, int global, String claudeCliPath) {
        this(enabled, grace, scrollbackBytes, perUser, global, claudeCliPath, CliCleanupPeriod.keep());
    }

    /** {@code claude [--settings …] --resume <id>}. */
    public List<String> resumeCommand(String sessionId) {
        var command = new ArrayList<String>();
        command.add(claudeCliPath);
        command.addAll(cliCleanup.arguments());
        command.add("--resume");
        command.add(sessionId);
        return List.copyOf(command);
    }
}
