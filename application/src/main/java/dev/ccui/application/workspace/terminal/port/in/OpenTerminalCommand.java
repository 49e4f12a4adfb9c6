package dev.ccui.application.workspace.terminal.port.in;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.session.SessionId;

/** {@code open {cols, rows, resumeSessionId?}}: a shell, or {@code claude --resume} of a session. */
public record OpenTerminalCommand(int cols, int rows, SessionId resumeSessionId) {
    public OpenTerminalCommand {
        if (cols < 1 || cols > 1000 || rows < 1 || rows > 1000) {
            throw new InvalidException("cols", "cols and rows must be between 1 and 1000");
        }
    }
}
