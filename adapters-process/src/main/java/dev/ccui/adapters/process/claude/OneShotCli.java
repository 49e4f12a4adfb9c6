package dev.ccui.adapters.process.claude;

import dev.ccui.adapters.process.sandbox.ProcessStarter;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.user.UserId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code claude <arguments>} once, to its end, in the sandbox of a project with a user's CLI
 * configuration: the {@code mcp} subcommands, a short {@code -p} question. Whatever the CLI prints may hold
 * what the user typed (an MCP server's headers): it goes to the caller, never to the log.
 */
public final class OneShotCli {
    /** What the CLI said; {@code truncated} when stdout passed the cap (the process was then stopped). */
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
        ProcessBuilder builder = new ProcessBuilder(sandboxed.command())
                .directory(sandboxed.directory().toFile());
        builder.environment().clear();
        builder.environment().putAll(sandboxed.environment());
        Process process;
        try {
            process = ProcessStarter.start(builder::start);
        } catch (IOException e) {
            throw new UnavailableException("the claude CLI cannot be started on this server: " + e.getMessage());
        }
        Thread stdinWriter = Thread.ofVirtual().name("claude-once-stdin").start(() -> {
            try (OutputStream out = process.getOutputStream()) {
                if (stdin != null) {
                    out.write(stdin);
                }
            } catch (IOException ignored) {
                // The CLI stopped reading: its exit code says why.
            }
        });
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread stderrReader = Thread.ofVirtual()
                .name("claude-once-stderr")
                .start(() -> copy(process.getErrorStream(), errors, MAX_STDERR));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread stdoutReader = Thread.ofVirtual()
                .name("claude-once-stdout")
                .start(() -> copy(process.getInputStream(), output, maxStdout));
        try {
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                ProcessTrees.kill(process, List.of(), Duration.ofSeconds(3));
                throw new UnavailableException(
                        "CLI_TIMEOUT", "the claude CLI did not finish within " + timeout.toSeconds() + " s", null);
            }
            stdoutReader.join(5_000);
            stderrReader.join(5_000);
            stdinWriter.join(1_000);
            boolean truncated;
            synchronized (output) {
                truncated = output.size() >= maxStdout;
            }
            return new Result(process.exitValue(), text(output), text(errors), truncated);
        } catch (InterruptedException e) {
            ProcessTrees.kill(process, List.of(), Duration.ofSeconds(3));
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for the claude CLI");
        }
    }

    private static String text(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** Reads everything (so the CLI never blocks on a full pipe) and keeps the first {@code max} bytes. */
    private static void copy(InputStream in, ByteArrayOutputStream out, int max) {
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (out) {
                    int room = max - out.size();
                    if (room > 0) {
                        out.write(buffer, 0, Math.min(room, read));
                    }
                }
            }
        } catch (IOException ignored) {
            // The process ended or was killed.
        }
    }
}
