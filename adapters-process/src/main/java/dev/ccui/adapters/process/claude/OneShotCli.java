package dev.ccui.adapters.process.claude;

import dev.ccui.adapters.process.sandbox.SandboxedProcesses;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.user.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code claude <arguments>} once, to its end, in the sandbox of a project with a user's CLI
 * configuration: the {@code mcp} subcommands, a short {@code -p} question. Whatever the CLI prints may hold
 * what the user typed (an MCP server's headers): it goes to the caller, never to the log.
 */
public final class OneShotCli {
    /** What the CLI said; {@code truncated} when stdout passed the cap (the process was stopped there). */
    public record Result(int exit, String stdout, String stderr, boolean truncated) {}

    private static final int MAX_STDERR = 64 * 1024;

    private final String executable;
    private final Map<String, String> inherited;
    private final ProcessSandbox sandbox;
    private final Duration timeout;

    /**
     * @param inherited the environment the CLI's is filtered from, as for runs (credentials, base URL,
     *                  {@code CLAUDE_CONFIG_DIR})
     */
    public OneShotCli(String executable, Map<String, String> inherited, ProcessSandbox sandbox, Duration timeout) {
        this.executable = executable;
        this.inherited = Map.copyOf(inherited);
        this.sandbox = sandbox;
        this.timeout = timeout;
    }

    public Result run(
            SandboxRequest.Profile profile,
            Path project,
            UserId user,
            List<String> arguments,
            Map<String, String> environment,
            byte[] stdin,
            int maxStdout) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(arguments);
        SandboxedCommand sandboxed = sandbox.prepare(
                new SandboxRequest(profile, project, command, CliEnvironment.build(inherited, environment), user));
        SandboxedProcesses.Finished finished;
        try {
            finished = SandboxedProcesses.runToEnd(
                    SandboxedProcesses.builder(sandboxed), stdin, maxStdout, MAX_STDERR, timeout);
        } catch (IOException e) {
            throw new UnavailableException("the claude CLI cannot be started on this server: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for the claude CLI");
        }
        if (finished.timedOut()) {
            throw new UnavailableException(
                    "CLI_TIMEOUT", "the claude CLI did not finish within " + timeout.toSeconds() + " s", null);
        }
        return new Result(
                finished.exit(),
                new String(finished.stdout(), StandardCharsets.UTF_8),
                finished.stderr(),
                finished.truncated());
    }
}
