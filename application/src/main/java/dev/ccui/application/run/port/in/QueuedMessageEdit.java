package dev.ccui.application.run.port.in;

import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.QueuedMessage;
import java.time.Instant;

/**
 * A change to a waiting message. A {@code null} field keeps what the message had; a blank
 * {@code model} or {@code effort} clears it. Checked as a prompt is.
 */
public record QueuedMessageEdit(String prompt, String model, String effort, PermissionMode permissionMode) {
    public QueuedMessageEdit {
        if (prompt != null) {
            StartRunCommand.checkPrompt(prompt);
        }
        if (model != null && !model.isBlank()) {
            StartRunCommand.checkModel(model);
        }
        if (effort != null && !effort.isBlank()) {
            StartRunCommand.checkEffort(effort);
        }
    }

    public QueuedMessage applyTo(QueuedMessage message, Instant at) {
        return message.edited(
                prompt == null ? message.prompt() : prompt,
                model == null ? message.model() : StartRunCommand.checkModel(model),
                effort == null ? message.effort() : StartRunCommand.checkEffort(effort),
                permissionMode == null ? message.permissionMode() : permissionMode,
                at);
    }
}
