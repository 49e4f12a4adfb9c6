package dev.ccui.adapters.process.claude;

import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.domain.run.RunEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run hears when its CLI process ends, by why it ended. Pure, so each way of ending is
 * tested without starting or killing a process; the process only decides the cause.
 */
final class ExitEvents {
    private ExitEvents() {}

    /**
     * @param turnWasActive a prompt was sent and its result never came: the run ends here too
     */
    static List<RunEvent> of(ProcessExit.Cause cause, int exitCode, String stderrTail, boolean turnWasActive) {
        List<RunEvent> events = new ArrayList<>(2);
        RunEvent.EndReason turnEnd = switch (cause) {
            case EXITED -> {
                // Nobody asked it to end: say so, with its last words, and fail the turn.
                events.add(new RunEvent.Error(
                        "cli_exited",
                        "the claude CLI exited unexpectedly (exit code " + exitCode + ")",
                        Map.of("exitCode", exitCode, "stderr", stderrTail)));
                yield RunEvent.EndReason.FAILED;
            }
            case INTERRUPT_TIMEOUT -> {
                events.add(new RunEvent.Error(
                        "interrupt_timeout",
                        "the claude CLI did not stop after an interrupt and was killed",
                        Map.of("exitCode", exitCode)));
                yield RunEvent.EndReason.INTERRUPTED;
            }
            case SILENCE_TIMEOUT -> {
                events.add(new RunEvent.Error(
                        "cli_silent",
                        "the claude CLI printed nothing for too long during a turn and was killed",
                        Map.of("exitCode", exitCode)));
                yield RunEvent.EndReason.FAILED;
            }
            // Closed, idle or never started: we ended it, so a running turn was interrupted, not failed.
            default -> RunEvent.EndReason.INTERRUPTED;
        };
        if (turnWasActive) {
            events.add(new RunEvent.RunEnded(turnEnd));
        }
        return events;
    }
}
