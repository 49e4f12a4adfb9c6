package dev.ccui.adapters.process.workspace.git;

import dev.ccui.adapters.process.sandbox.NoSandbox;
import dev.ccui.adapters.process.sandbox.ProcessStarter;
import dev.ccui.adapters.process.sandbox.SandboxedProcesses;
import dev.ccui.adapters.process.workspace.ProcessEnvironment;
import dev.ccui.application.common.Cancellation;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import dev.ccui.application.workspace.git.port.out.RemoteWatch;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.workspace.git.GitProgress;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs the {@code git} CLI: an argument list (never a shell), in the project folder, with a
 * timeout that kills it, bounded output, and an environment without the server's secrets or any
 * inherited {@code GIT_*} variable. Hooks and the fsmonitor are off, so a file someone wrote into
 * {@code .git} cannot make a git action run a program.
 *
 * <p>git never looks for a repository: {@code GIT_DIR} is the project's own {@code .git} and
 * {@code GIT_WORK_TREE} the project, {@code GIT_CEILING_DIRECTORIES} stops any search above it,
 * bare repositories are only used when named ({@code safe.bareRepository=explicit}), and neither
 * the system's nor the server user's git config is read. A project without its own {@code .git}
 * is not a repository (409 {@code NOT_A_REPOSITORY}) even when someone wrote {@code HEAD},
 * {@code objects/} and a {@code config} with a filter into its folder.
 *
 * <p>{@link #runRemote} is the one exception, for fetch, pull and push: it gets the network and
 * reads the machine's git configuration (system and the user's, inside the sandbox that user's
 * sandbox home), because that is where credential helpers, URL rewrites and proxies are set; the
 * app itself never holds a credential. It can never wait for a person: no terminal prompt, no
 * askpass program, SSH in batch mode, and a longer but still bounded timeout (2 minutes, or 30 when
 * it is streamed: its progress shown and a person able to cancel it).
 */
public final class GitRunner {
    private static final List<String> SAFE_CONFIG = List.of(
            "-c",
            "core.quotepath=off",
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "safe.bareRepository=explicit",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "color.ui=false",
            "-c",
            "core.pager=cat");
    /** A remote must not open a way for a person to answer: a credential it lacks is a failure at once. */
    private static final List<String> REMOTE_CONFIG = List.of(
            "-c",
            "credential.interactive=never",
            "-c",
            "core.askPass=",
            "-c",
            "protocol.ext.allow=never",
            "-c",
            "http.lowSpeedLimit=1",
            "-c",
            "http.lowSpeedTime=30");

    private static final String SSH = "ssh -o BatchMode=yes -o ConnectTimeout=20";
    private static final Duration REMOTE_TIMEOUT = Duration.ofMinutes(2);
    /** A streamed fetch, pull or push shows its progress and can be cancelled: it may take as long as a clone. */
    static final Duration STREAMED_REMOTE_TIMEOUT = Duration.ofMinutes(30);
    /** How long a stopped git gets to remove its lock files before it is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private static final int MAX_STDERR = 16 * 1024;
    private static final int MAX_REMOTE_OUTPUT = 1024 * 1024;
    /** What is kept of a watched git's stderr besides progress, for the error message. */
    private static final int MAX_ERROR_LINES = 40;

    private final String git;
    private final Duration timeout;
    private final Duration remoteTimeout;
    private final ProcessSandbox sandbox;

    public GitRunner(String git, Duration timeout) {
        this(git, timeout, new NoSandbox(null));
    }

    /** git runs in {@code sandbox} (no network, only the project), so a hostile repository config can do no more than its user. */
    public GitRunner(String git, Duration timeout, ProcessSandbox sandbox) {
        this(git, timeout, REMOTE_TIMEOUT, sandbox);
    }

    /** {@code remoteTimeout} bounds fetch, pull and push, which wait on another machine. */
    public GitRunner(String git, Duration timeout, Duration remoteTimeout, ProcessSandbox sandbox) {
        this.git = git;
        this.timeout = timeout;
        this.remoteTimeout = remoteTimeout;
        this.sandbox = sandbox;
    }

    public static GitRunner defaults() {
        return new GitRunner("git", Duration.ofSeconds(20));
    }

    public static GitRunner sandboxed(ProcessSandbox sandbox) {
        return new GitRunner("git", Duration.ofSeconds(20), sandbox);
    }

    /** What git said. {@code truncated} when stdout was cut at the limit (and git was stopped). */
    public record Result(int exitCode, byte[] stdout, boolean truncated, String stderr) {
        public String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        public boolean ok() {
            return exitCode == 0;
        }
    }

    public Result run(Path directory, List<String> args, byte[] stdin, int maxStdout, Map<String, String> extraEnv) {
        return run(directory, args, stdin, maxStdout, extraEnv, false, List.of());
    }

    /** Local git that also writes {@code writable} (the folder of a worktree being added), which the caller confined. */
    public Result runWriting(Path directory, List<String> args, int maxStdout, List<Path> writable) {
        return run(directory, args, null, maxStdout, Map.of(), false, writable);
    }

    /** git that talks to a remote: with the network and the machine's git configuration (see the class comment). */
    public Result runRemote(Path directory, List<String> args, int maxStdout, Map<String, String> extraEnv) {
        return run(directory, args, null, maxStdout, extraEnv, true, List.of());
    }

    /**
     * A remote command as {@code watch} follows it: quiet, that is {@link #runRemote}; streamed, git's
     * progress goes to the watch as it comes (stdout is dropped), within the long limit, and the
     * watch's cancellation stops git ({@code REMOTE_CANCELLED}).
     */
    public Result runRemote(Path directory, List<String> args, Map<String, String> extraEnv, RemoteWatch watch) {
        if (!watch.isStreamed()) {
            return runRemote(directory, args, MAX_REMOTE_OUTPUT, extraEnv);
        }
        SandboxedCommand sandboxed = prepare(directory, args, extraEnv, true, List.of());
        Watched watched = runWatched(sandboxed, watch.progress(), watch.cancellation(), STREAMED_REMOTE_TIMEOUT);
        if (watched.cancelled()) {
            throw new ConflictException("REMOTE_CANCELLED", "cancelled: git was stopped");
        }
        if (watched.timedOut()) {
            throw remoteTimeout(STREAMED_REMOTE_TIMEOUT);
        }
        return new Result(watched.exit(), new byte[0], false, watched.errors());
    }

    /** How a watched git ended: its exit code and the last lines of its stderr that were not progress. */
    record Watched(int exit, String errors, boolean timedOut, boolean cancelled) {}

    /**
     * Runs a prepared command to its end (stdin empty, stdout dropped), telling git's progress lines
     * as they come; {@code cancellation} or the {@code timeout} stops git's process tree, gently first
     * so that git removes its lock files and the repository stays as a finished or untouched one.
     */
    static Watched runWatched(
            SandboxedCommand sandboxed, Consumer<GitProgress> progress, Cancellation cancellation, Duration timeout) {
        ProcessBuilder builder = SandboxedProcesses.builder(sandboxed)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process process;
        try {
            process = ProcessStarter.start(builder::start);
        } catch (IOException e) {
            throw new UnavailableException("git cannot be started on this server: is it installed?", null, e);
        }
        cancellation.onCancel(() -> SandboxedProcesses.stop(process, STOP_GRACE));
        AtomicBoolean timedOut = SandboxedProcesses.killAfter(process, timeout);
        Deque<String> errors = new ArrayDeque<>();
        GitProgressLines.follow(process.getErrorStream(), progress, line -> {
            errors.addLast(line);
            if (errors.size() > MAX_ERROR_LINES) {
                errors.removeFirst();
            }
        });
        try {
            int exit = process.waitFor();
            // A git that finished before the cancel reached it did its work: that is the answer.
            boolean cancelled = exit != 0 && cancellation.cancelled();
            return new Watched(exit, String.join("\n", errors), timedOut.get(), cancelled);
        } catch (InterruptedException e) {
            SandboxedProcesses.kill(process);
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for git");
        }
    }

    private Result run(
            Path directory,
            List<String> args,
            byte[] stdin,
            int maxStdout,
            Map<String, String> extraEnv,
            boolean remote,
            List<Path> extraWritable) {
        SandboxedCommand sandboxed = prepare(directory, args, extraEnv, remote, extraWritable);
        Duration timeout = remote ? remoteTimeout : this.timeout;
        SandboxedProcesses.Finished finished;
        try {
            finished = SandboxedProcesses.runToEnd(
                    SandboxedProcesses.builder(sandboxed), stdin, maxStdout, MAX_STDERR, timeout);
        } catch (IOException e) {
            throw new UnavailableException("git cannot be started on this server: is it installed?", null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for git");
        }
        if (finished.timedOut()) {
            throw remote
                    ? remoteTimeout(timeout)
                    : new UnavailableException("git took longer than " + timeout.toSeconds() + " s and was stopped");
        }
        return new Result(
                finished.truncated() ? 0 : finished.exit(), finished.stdout(), finished.truncated(), finished.stderr());
    }

    private SandboxedCommand prepare(
            Path directory, List<String> args, Map<String, String> extraEnv, boolean remote, List<Path> extraWritable) {
        Path root = realPath(directory);
        Path gitDir = root.resolve(".git");
        // init is the one command that creates the .git it is pointed at.
        boolean init = !args.isEmpty() && args.getFirst().equals("init");
        if (!init && !Files.exists(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new ConflictException("NOT_A_REPOSITORY", "this project is not a git repository");
        }
        List<String> command = command(args, remote);
        Map<String, String> env = environment(root, remote, true);
        env.putAll(extraEnv);
        return sandbox.prepare(new SandboxRequest(
                remote ? SandboxRequest.Profile.GIT_REMOTE : SandboxRequest.Profile.GIT,
                root,
                command,
                env,
                List.of(),
                extraWritable));
    }

    private static UnavailableException remoteTimeout(Duration timeout) {
        String limit = timeout.toMinutes() >= 2 ? timeout.toMinutes() + " min" : timeout.toSeconds() + " s";
        return new UnavailableException(
                "REMOTE_TIMEOUT", "the remote did not finish within " + limit + ": git was stopped", null);
    }

    /** git with the safe settings (and, for a remote, the ones that never let it wait for a person), then {@code args}. */
    List<String> command(List<String> args, boolean remote) {
        List<String> command = new ArrayList<>();
        command.add(git);
        command.addAll(SAFE_CONFIG);
        if (remote) {
            command.addAll(REMOTE_CONFIG);
        }
        command.addAll(args);
        return command;
    }

    /**
     * The clean environment git runs with; {@code repository}: pinned to the folder's own {@code .git}
     * (every command but a clone, which makes the {@code .git} of the folder it is given).
     */
    static Map<String, String> environment(Path root, boolean remote, boolean repository) {
        Map<String, String> env = new HashMap<>(System.getenv());
        ProcessEnvironment.scrub(env);
        env.keySet().removeIf(name -> name.startsWith("GIT_"));
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_OPTIONAL_LOCKS", "0");
        env.put("GIT_LITERAL_PATHSPECS", "1");
        env.put("GIT_PAGER", "cat");
        env.put("LC_ALL", "C");
        env.put("LANGUAGE", "C");
        if (repository) {
            env.put("GIT_DIR", root.resolve(".git").toString());
            env.put("GIT_WORK_TREE", root.toString());
        }
        env.put(
                "GIT_CEILING_DIRECTORIES",
                root.getParent() == null ? root.toString() : root.getParent().toString());
        env.put("GIT_ATTR_NOSYSTEM", "1");
        if (remote) {
            // An empty GIT_ASKPASS wins over core.askPass and SSH_ASKPASS: with prompts off, git fails instead of
            // asking.
            env.put("GIT_ASKPASS", "");
            env.remove("SSH_ASKPASS");
            env.remove("SSH_ASKPASS_REQUIRE");
            env.put("GIT_SSH_COMMAND", SSH);
        } else {
            env.put("GIT_CONFIG_NOSYSTEM", "1");
            env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        }
        return env;
    }

    ProcessSandbox sandbox() {
        return sandbox;
    }

    private static Path realPath(Path directory) {
        try {
            return directory.toRealPath();
        } catch (IOException e) {
            return directory.toAbsolutePath().normalize();
        }
    }
}
