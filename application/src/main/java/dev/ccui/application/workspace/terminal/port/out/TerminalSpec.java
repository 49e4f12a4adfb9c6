package dev.ccui.application.workspace.terminal.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to start: {@code command} empty means the user's login shell; the environment is the
 * server's minus its secrets, with {@code TERM=xterm-256color}.
 */
public record TerminalSpec(Path directory, List<String> command, int cols, int rows) {
    public TerminalSpec {
        Objects.requireNonNull(directory, "directory");
        command = List.copyOf(command);
    }
}
