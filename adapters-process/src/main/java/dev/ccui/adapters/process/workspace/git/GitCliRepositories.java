package dev.ccui.adapters.process.workspace.git;

import dev.ccui.adapters.process.sandbox.ProcessStarter;
import dev.ccui.adapters.process.sandbox.SandboxedProcesses;
import dev.ccui.application.project.create.port.out.Cancellation;
import dev.ccui.application.project.create.port.out.GitRepositories;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.project.create.CloneProgress;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code git init} and {@code git clone} for new projects. A clone runs in the sandbox's
 * {@code GIT_REMOTE} profile on the new (empty) folder, with a local source shown read-only beside
 * it, the clean environment of {@link GitRunner#runRemote} (nothing can prompt), only the https, ssh
 * and file transports allowed, no submodules, no checkout hooks; {@code --no-local} makes even a
 * local source go through git's transport, so a hostile source's links are never copied as they are.
 */
public final class GitCliRepositories implements GitRepositories {
    private static final List<String> TRANSPORTS = List.of(
            "-c",
            "protocol.allow=never",
            "-c",
            "protocol.https.allow=always",
            "-c",
            "protocol.ssh.allow=always",
            "-c",
            "protocol.file.allow=always",
            "-c",
            "core.symlinks=true");
    /** What is kept of git's stderr besides progress, for the error message. */
    private static final int MAX_ERROR_LINES = 40;

    private final GitRunner runner;
    private final Duration timeout;

    public GitCliRepositories(GitRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    @Override
    public void init(Path folder) {
        GitRunner.Result result =
                runner.run(folder, List.of("init", "--quiet", "--initial-branch=main"), null, 64 * 1024, Map.of());
        if (!result.ok()) {
            throw GitFailures.of(result);
        }
    }

    @Override
    public void clone(
            String source, Path localSource, Path target, Consumer<CloneProgress> progress, Cancellation cancellation) {
        List<String> args = new ArrayList<>(TRANSPORTS);
        args.addAll(List.of("clone", "--progress", "--no-local", "--no-recurse-submodules", "--", source, "."));
        List<String> command = runner.command(args, true);
        Map<String, String> env = GitRunner.environment(target, true, false);
        SandboxedCommand sandboxed = runner.sandbox()
                .prepare(new SandboxRequest(
                        SandboxRequest.Profile.GIT_REMOTE,
                        target,
                        command,
                        env,
                        localSource == null ? List.of() : List.of(localSource),
                        List.of()));
        ProcessBuilder builder = SandboxedProcesses.builder(sandboxed)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process;
        try {
            process = ProcessStarter.start(builder::start);
        } catch (IOException e) {
            throw new UnavailableException("git cannot be started on this server: is it installed?", null, e);
        }
        cancellation.onCancel(() -> SandboxedProcesses.kill(process));
        AtomicBoolean timedOut = SandboxedProcesses.killAfter(process, timeout);
        Deque<String> errors = new ArrayDeque<>();
        readLines(process.getErrorStream(), line -> {
            var parsed = GitProgressLines.parse(line);
            if (parsed.isPresent()) {
                progress.accept(parsed.get());
            } else if (!line.isBlank() && !line.startsWith("Cloning into")) {
                errors.addLast(line);
                if (errors.size() > MAX_ERROR_LINES) {
                    errors.removeFirst();
                }
            }
        });
        try {
            int exit = process.waitFor();
            if (cancellation.cancelled()) {
                return;
            }
            if (timedOut.get()) {
                throw new UnavailableException(
                        "REMOTE_TIMEOUT",
                        "the clone did not finish within " + timeout.toMinutes() + " min: git was stopped",
                        null);
            }
            if (exit != 0) {
                throw GitFailures.ofRemote(new GitRunner.Result(exit, new byte[0], false, String.join("\n", errors)));
            }
        } catch (InterruptedException e) {
            SandboxedProcesses.kill(process);
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for git");
        }
    }

    /** Splits on both line ends: git redraws a progress line with {@code \r}. */
    private static void readLines(InputStream in, Consumer<String> line) {
        StringBuilder current = new StringBuilder();
        char[] buffer = new char[4096];
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            int read;
            while ((read = reader.read(buffer)) != -1) {
                for (int i = 0; i < read; i++) {
                    char c = buffer[i];
                    if (c == '\r' || c == '\n') {
                        if (!current.isEmpty()) {
                            line.accept(current.toString());
                            current.setLength(0);
                        }
                    } else if (current.length() < 4096) {
                        current.append(c);
                    }
                }
            }
        } catch (IOException ignored) {
            // The process was killed or closed its end: what was read is all there is.
        }
        if (!current.isEmpty()) {
            line.accept(current.toString());
        }
    }
}
