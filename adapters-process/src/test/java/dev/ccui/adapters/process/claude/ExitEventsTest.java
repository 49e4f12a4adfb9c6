package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.domain.run.RunEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExitEventsTest {

    @Test
    void aCliThatDiesOnItsOwnMidTurnFailsTheTurnAndSaysWhatItPrinted() {
        var events = ExitEvents.of(ProcessExit.Cause.EXITED, 3, "error: unknown option", true);

        assertThat(events)
                .containsExactly(
                        new RunEvent.Error(
                                "cli_exited",
                                "the claude CLI exited unexpectedly (exit code 3)",
                                Map.of("exitCode", 3, "stderr", "error: unknown option")),
                        new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
    }

    @Test
    void aCliThatDiesBetweenTurnsIsReportedButEndsNoRun() {
        assertThat(ExitEvents.of(ProcessExit.Cause.EXITED, 137, "", false))
                .extracting(RunEvent::kind)
                .containsExactly("error");
    }

    @Test
    void aCliKilledForIgnoringAnInterruptEndsItsTurnInterrupted() {
        var events = ExitEvents.of(ProcessExit.Cause.INTERRUPT_TIMEOUT, 137, "", true);

        assertThat(((RunEvent.Error) events.getFirst()).code()).isEqualTo("interrupt_timeout");
        assertThat(events.getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED));
    }

    @Test
    void aCliWeClosedOrThatWasIdleSaysNothingUnlessATurnWasCutShort() {
        assertThat(ExitEvents.of(ProcessExit.Cause.CLOSED, 0, "", false)).isEmpty();
        assertThat(ExitEvents.of(ProcessExit.Cause.IDLE_TIMEOUT, 0, "", false)).isEmpty();
        assertThat(ExitEvents.of(ProcessExit.Cause.CLOSED, 143, "", true))
                .containsExactly(new RunEvent.RunEnded(RunEvent.EndReason.INTERRUPTED));
    }
}
