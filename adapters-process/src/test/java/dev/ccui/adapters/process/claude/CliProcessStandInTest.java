package dev.ccui.adapters.process.claude;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.application.run.port.out.RunSpec;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.session.SessionId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's own behaviour (kills, bad output, crashes) with small shell scripts standing in for the CLI. */
class CliProcessStandInTest {
    @TempDir
    Path folder;

    private CliClaudeRunner runner;

    @AfterEach
    void tearDown() {
        if (runner != null) {
            runner.close();
            assertThat(runner.liveProcesses()).isZero();
        }
    }

    private RunningProcess start(String script, RecordingListener listener) throws IOException {
        return start(script, listener, Duration.ofMinutes(30));
    }

    private RunningProcess start(String script, RecordingListener listener, Duration silence) throws IOException {
        Path cli = folder.resolve("claude");
        Files.writeString(cli, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(cli, PosixFilePermissions.fromString("rwxr-xr-x"));
        var settings = CliRunnerSettings.defaults(cli.toString(), Map.of("PATH", System.getenv("PATH")))
                .withInterruptTimeout(Duration.ofMillis(300))
                .withMaxLineBytes(1024)
                .withSilenceTimeout(silence);
        runner = new CliClaudeRunner(settings, new ObjectMapper());
        return runner.start(
                RunSpec.newSession(folder, new SessionId(UUID.randomUUID().toString())), listener);
    }

    @Test
    void aCliThatIgnoresAnInterruptIsKilledWithItsChildren() throws IOException {
        var listener = new RecordingListener();
        RunningProcess process = start("""
                read first
                printf '{"type":"system","subtype":"init","session_id":"s","model":"m","cwd":"%s","tools":[]}\\n' "$PWD"
                head -c 5000 /dev/zero | tr '\\000' x; echo
                sleep 300 &
                echo '{"type":"assistant","message":{"id":"m1","content":[{"type":"text","text":"hi"}]}}'
                wait
                """, listener);
        process.sendUserTurn("hello", List.of());
        listener.next(RunEvent.AssistantText.class);
        List<ProcessHandle> children = ProcessHandle.of(process.pid().orElseThrow())
                .orElseThrow()
                .descendants()
                .toList();
        assertThat(children).isNotEmpty();

        process.interrupt();
        var error =
                listener.next(RunEvent.Error.class, e -> e.code().equals("interrupt_timeout"), Duration.ofSeconds(10));
        var ended = listener.next(RunEvent.RunEnded.class);

        assertThat(error.message()).contains("killed");
        assertThat(ended.reason()).isEqualTo(RunEvent.EndReason.INTERRUPTED);
        assertThat(listener.awaitExit(Duration.ofSeconds(5)).cause()).isEqualTo(ProcessExit.Cause.INTERRUPT_TIMEOUT);
        assertThat(process.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(listener.all())
                .extracting(RunEvent::kind)
                .containsExactly("run_started", "error", "assistant_text", "error", "run_ended");
        assertThat(((RunEvent.Error) listener.all().get(1)).code()).isEqualTo("line_too_long");
    }

    @Test
    void aCliThatExitsBadlyReportsItsStderr() throws IOException {
        var listener = new RecordingListener();
        RunningProcess process = start("""
                read first
                echo 'error: unknown option --frobnicate' >&2
                exit 3
                """, listener);
        process.sendUserTurn("hello", List.of());

        var exit = listener.awaitExit(Duration.ofSeconds(10));

        assertThat(exit.cause()).isEqualTo(ProcessExit.Cause.EXITED);
        assertThat(exit.exitCode()).isEqualTo(3);
        assertThat(exit.stderrTail()).contains("unknown option --frobnicate");
        assertThat(listener.all()).extracting(RunEvent::kind).containsExactly("error", "run_ended");
        var error = (RunEvent.Error) listener.all().getFirst();
        assertThat(error.code()).isEqualTo("cli_exited");
        assertThat(error.details()).containsEntry("exitCode", 3);
        assertThat(listener.all().getLast()).isEqualTo(new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
    }

    @Test
    void unansweredControlRequestsOfTheCliAreRefused() throws IOException {
        var listener = new RecordingListener();
        Path answer = folder.resolve("answer.json");
        RunningProcess process = start("""
                read first
                echo '{"type":"control_request","request_id":"cli-1","request":{"subtype":"hook_callback"}}'
                read reply
                echo "$reply" > '%s'
                echo '{"type":"result","subtype":"success","is_error":false,"usage":{}}'
                read never
                """.formatted(answer), listener);
        process.sendUserTurn("hello", List.of());

        listener.next(RunEvent.RunEnded.class);

        assertThat(answer).content().contains("\"request_id\":\"cli-1\"").contains("\"subtype\":\"error\"");
        process.close();
        assertThat(listener.awaitExit(Duration.ZERO).cause()).isEqualTo(ProcessExit.Cause.CLOSED);
    }

    @Test
    void aCliSilentInATurnIsKilledWithItsChildrenAndTheTurnFails() throws IOException {
        var listener = new RecordingListener();
        RunningProcess process = start("""
                read first
                printf '{"type":"system","subtype":"init","session_id":"s","model":"m","cwd":"%s","tools":[]}\\n' "$PWD"
                sleep 300 &
                wait
                """, listener, Duration.ofMillis(600));
        process.sendUserTurn("hello", List.of());
        listener.next(RunEvent.RunStarted.class);
        List<ProcessHandle> children = ProcessHandle.of(process.pid().orElseThrow())
                .orElseThrow()
                .descendants()
                .toList();

        var error = listener.next(RunEvent.Error.class, e -> e.code().equals("cli_silent"), Duration.ofSeconds(10));
        var ended = listener.next(RunEvent.RunEnded.class);

        assertThat(error.message()).contains("printed nothing");
        assertThat(ended.reason()).isEqualTo(RunEvent.EndReason.FAILED);
        assertThat(listener.awaitExit(Duration.ofSeconds(5)).cause()).isEqualTo(ProcessExit.Cause.SILENCE_TIMEOUT);
        assertThat(process.isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aCliWaitingOnAPermissionPromptIsNotTakenForSilent() throws IOException {
        var listener = new RecordingListener();
        RunningProcess process = start("""
                read first
                echo '{"type":"control_request","request_id":"p-1","request":{"subtype":"can_use_tool","tool_name":"Write","input":{},"tool_use_id":"t1"}}'
                read answer
                echo '{"type":"result","subtype":"success","is_error":false,"usage":{}}'
                read never
                """, listener, Duration.ofMillis(1500));
        process.sendUserTurn("hello", List.of());
        var request = listener.next(RunEvent.PermissionRequest.class);
        // Three times the silence allowed (wide: a loaded machine may be slow to start the script
        // at all, which the timer rightly counts as silence): a person may take minutes to decide.
        assertThat(listener.exitsWithin(Duration.ofMillis(4500))).isFalse();

        process.answerPermission(request.requestId(), dev.ccui.domain.run.PermissionDecision.allowOnce());

        assertThat(listener.next(RunEvent.RunEnded.class).reason()).isEqualTo(RunEvent.EndReason.COMPLETED);
        process.close();
    }
}
