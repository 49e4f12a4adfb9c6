package dev.ccui.application.workspace.terminal.port.in;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.session.SessionId;
import java.util.regex.Pattern;

/**
 * {@code open {cols, rows, resumeSessionId?}}: a shell, or {@code claude --resume} of a session.
 *
 * @param terminalId the id the client chose for it (a lowercase UUID), or {@code null} for one the
 *                   server picks. Chosen by the client, it is in the socket's URL from the start,
 *                   which is what lets a balancer send every reconnection to the node holding it.
 */
public record OpenTerminalCommand(int cols, int rows, SessionId resumeSessionId, String terminalId) {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public OpenTerminalCommand {
        if (cols < 1 || cols > 1000 || rows < 1 || rows > 1000) {
            throw new InvalidException("cols", "cols and rows must be between 1 and 1000");
        }
        if (terminalId != null && !ID.matcher(terminalId).matches()) {
            throw new InvalidException("terminalId", "a terminal id is a lowercase UUID");
        }
    }

    public OpenTerminalCommand(int cols, int rows, SessionId resumeSessionId) {
        this(cols, rows, resumeSessionId, null);
    }
}
