package dev.ccui.application.run.port.out;

import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.domain.run.RunId;
import java.util.Objects;

/**
 * What a node asks the node that owns a run to do with it (only that node holds its CLI
 * process). {@link #commandId()} is the command's idempotency key: the owner applies a command
 * once and answers a repeat of it (a retry after a lost message) with the reply it already gave.
 * Access is checked by the node the caller reached; the owner only applies. A new kind (a queued
 * message, say) is one more record here and one more case where commands are applied and written.
 */
public sealed interface RunCommand {

    String commandId();

    RunId runId();

    /** Ask the run's turn to stop. */
    record Interrupt(String commandId, RunId runId) implements RunCommand {
        public Interrupt {
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(runId, "runId");
        }
    }

    /** Answer a pending permission request, question or plan; {@code decidedBy} is the caller's username. */
    record Decide(String commandId, RunId runId, String requestId, PermissionAnswer answer, String decidedBy)
            implements RunCommand {
        public Decide {
            Objects.requireNonNull(commandId, "commandId");
            Objects.requireNonNull(runId, "runId");
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(decidedBy, "decidedBy");
        }
    }
}
