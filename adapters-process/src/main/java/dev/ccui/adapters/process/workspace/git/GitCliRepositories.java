package dev.ccui.adapters.process.workspace.git;

import dev.ccui.application.common.Cancellation;
import dev.ccui.application.project.create.port.out.GitRepositories;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.workspace.git.GitProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            String source, Path localSource, Path target, Consumer<GitProgress> progress, Cancellation cancellation) {
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
        GitRunner.Watched watched = GitRunner.runWatched(sandboxed, progress, cancellation, timeout);
        if (cancellation.cancelled()) {
            return;
        }
        if (watched.timedOut()) {
            throw new UnavailableException(
                    "REMOTE_TIMEOUT",
                    "the clone did not finish within " + timeout.toMinutes() + " min: git was stopped",
                    null);
        }
        if (watched.exit() != 0) {
            throw GitFailures.ofRemote(new GitRunner.Result(watched.exit(), new byte[0], false, watched.errors()));
        }
    }
}
