package dev.ccui.application.maintenance.port.in;

import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.maintenance.MaintenanceState;

/** Turn maintenance on (with an optional message for the people it stops) or off. */
public record ChangeMaintenanceCommand(boolean enabled, String message) {
    public ChangeMaintenanceCommand {
        message = message == null || message.isBlank() ? null : message.strip();
        if (message != null && message.length() > MaintenanceState.MAX_MESSAGE) {
            throw new InvalidException(
                    "message", "message must be at most " + MaintenanceState.MAX_MESSAGE + " characters");
        }
        if (message != null && message.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidException("message", "message must not contain control characters");
        }
    }
}
