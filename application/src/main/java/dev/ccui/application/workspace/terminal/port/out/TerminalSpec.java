package dev.ccui.application.workspace.terminal.port.out;

import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to start: {@code command} empty means the user's login shell; the environment is the
 * server's minus its secrets, with {@code TERM=xterm-256color}.
 *
 * @param user whose own CLI configuration (MCP servers, settings, memory) the {@code claude} typed in the
 *             shell uses: the caller's, never the project owner's; {@code null} for none
 */
public record TerminalSpec(Path directory, List<String> command, int cols, int rows, UserId user) {
    public TerminalSpec {
        Objects.requireNonNull(directory, "directory");
        command = List.copyOf(command);
    }

    public TerminalSpec(Path directory, List<String> command, int cols, int rows) {
        this(directory, command, cols, rows, null);
    }
}
