package dev.ccui.adapters.process.claude;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.run.port.out.RunSpec;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.session.SessionId;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM that starts a real CLI run and then waits to be terminated, for
 * {@link CliClaudeRunnerIT#aTerminatedAppLeavesNoCliBehind}. Arguments: the CLI, the project directory.
 */
public final class ShutdownChild {
    private ShutdownChild() {}

    public static void main(String[] args) throws InterruptedException {
        var runner = new CliClaudeRunner(CliRunnerSettings.defaults(args[0], System.getenv()), new ObjectMapper());
        var listener = new RecordingListener();
        RunningProcess process = runner.start(
                RunSpec.newSession(
                        Path.of(args[1]), new SessionId(UUID.randomUUID().toString())),
                listener);
        process.sendUserTurn("SLOW please", List.of());
        listener.next(RunEvent.AssistantDelta.class);
        System.out.println("CLI_PID " + process.pid().orElseThrow());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
