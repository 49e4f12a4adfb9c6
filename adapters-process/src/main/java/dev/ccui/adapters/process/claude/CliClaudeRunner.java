package dev.ccui.adapters.process.claude;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.adapters.process.sandbox.NoSandbox;
import dev.ccui.adapters.process.sandbox.ProcessStarter;
import dev.ccui.application.run.port.out.ClaudeRunner;
import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.application.run.port.out.RunListener;
import dev.ccui.application.run.port.out.RunSpec;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.application.sandbox.port.out.ProcessSandbox;
import dev.ccui.application.sandbox.port.out.SandboxRequest;
import dev.ccui.application.sandbox.port.out.SandboxedCommand;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.RunEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code claude} CLI headless, stream-json in both directions, one process per session
 * kept alive across turns. The CLI gets a controlled environment (see {@link CliEnvironment}).
 * Every process it starts is tracked: {@link #close()} ends them all, and a JVM shutdown hook
 * kills any that are left, so no CLI outlives the app.
 */
public final class CliClaudeRunner implements ClaudeRunner, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CliClaudeRunner.class);

    private final CliRunnerSettings settings;
    private final ObjectMapper mapper;
    private final ScheduledThreadPoolExecutor timers;
    private final Set<CliProcess> live = ConcurrentHashMap.newKeySet();
    private final Thread shutdownHook;
    private final ProcessSandbox sandbox;
    private volatile boolean closed;

    public CliClaudeRunner(CliRunnerSettings settings, ObjectMapper mapper) {
        this(settings, mapper, new NoSandbox(null));
    }

    /** Every CLI process starts in {@code sandbox}. */
    public CliClaudeRunner(CliRunnerSettings settings, ObjectMapper mapper, ProcessSandbox sandbox) {
        this.sandbox = sandbox;
        this.settings = settings;
        this.mapper = mapper;
        this.timers = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().daemon().name("claude-timers").factory());
        this.timers.setRemoveOnCancelPolicy(true);
        this.shutdownHook = Thread.ofPlatform().name("claude-shutdown").unstarted(this::killAll);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public RunningProcess start(RunSpec spec, RunListener listener) {
        if (closed) {
            throw new UnavailableException("the app is shutting down: no new claude CLI processes");
        }
        List<String> command = command(spec);
        Process process;
        try {
            SandboxedCommand sandboxed = sandbox.prepare(new SandboxRequest(
                    SandboxRequest.Profile.CLAUDE,
                    spec.cwd(),
                    command,
                    CliEnvironment.build(settings.inherited(), spec.environment()),
                    spec.user()));
            ProcessBuilder builder = new ProcessBuilder(sandboxed.command())
                    .directory(sandboxed.directory().toFile());
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.putAll(sandboxed.environment());
            process = ProcessStarter.start(builder::start);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "could not start the claude CLI '{}' in {}: {}", settings.executable(), spec.cwd(), e.getMessage());
            listener.onEvent(new RunEvent.Error(
                    "cli_start_failed",
                    "the claude CLI could not be started: " + e.getMessage(),
                    Map.of(
                            "executable",
                            settings.executable(),
                            "cwd",
                            spec.cwd().toString())));
            listener.onEvent(new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
            listener.onExit(new ProcessExit(null, ProcessExit.Cause.START_FAILED, ""));
            return NotStarted.INSTANCE;
        }
        LOG.info(
                "started claude CLI process {} for session {} in {} ({})",
                process.pid(),
                spec.sessionId(),
                spec.cwd(),
                spec.resume() ? "resume" : spec.forkFrom() != null ? "fork of " + spec.forkFrom() : "new");
        CliProcess running = new CliProcess(process, listener, mapper, settings, timers, live::remove);
        live.add(running);
        running.begin();
        return running;
    }

    List<String> command(RunSpec spec) {
        List<String> command = new ArrayList<>(List.of(settings.executable()));
        // A long-lived CLI runs its transcript clean-up a few seconds after it starts: the app decides the period.
        command.addAll(settings.cleanup().arguments());
        command.addAll(List.of(
                "-p",
                "--input-format",
                "stream-json",
                "--output-format",
                "stream-json",
                "--verbose",
                "--include-partial-messages",
                "--permission-prompt-tool",
                "stdio"));
        if (spec.forkFrom() != null) {
            // The CLI copies the origin's history into a new transcript under the id we chose (2.1.328).
            command.addAll(List.of("--resume", spec.forkFrom().value(), "--fork-session"));
        }
        command.addAll(List.of(
                spec.resume() ? "--resume" : "--session-id", spec.sessionId().value()));
        if (spec.model() != null) {
            command.addAll(List.of("--model", spec.model()));
        }
        if (spec.effort() != null) {
            command.addAll(List.of("--effort", spec.effort()));
        }
        if (spec.permissionMode() != null) {
            command.addAll(List.of("--permission-mode", spec.permissionMode().cliName()));
        }
        if (!spec.allowedTools().isEmpty()) {
            command.add("--allowedTools");
            command.addAll(spec.allowedTools());
        }
        if (!spec.disallowedTools().isEmpty()) {
            command.add("--disallowedTools");
            command.addAll(spec.disallowedTools());
        }
        return command;
    }

    /** How many CLI processes are running now. */
    public int liveProcesses() {
        return live.size();
    }

    /** Closes every process (in parallel, each as {@link RunningProcess#close()}) and stops the timers. */
    @Override
    public void close() {
        closed = true;
        List<Thread> closers = new ArrayList<>();
        for (CliProcess process : List.copyOf(live)) {
            closers.add(Thread.ofVirtual().start(process::close));
        }
        for (Thread closer : closers) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        timers.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already: the hook runs anyway.
        }
    }

    /**
     * The owner stops this runner itself on shutdown (after letting runs finish): the JVM's
     * shutdown hooks run all at once, so this runner's own hook would kill the CLIs of a draining
     * node at the first moment.
     */
    public void leaveShutdownToOwner() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook runs anyway.
        }
    }

    private void killAll() {
        List<CliProcess> left = List.copyOf(live);
        if (!left.isEmpty()) {
            LOG.info("JVM shutdown: killing {} claude CLI process(es)", left.size());
        }
        left.parallelStream().forEach(CliProcess::kill);
    }

    /** What {@link #start} returns when the CLI could not be started. */
    private enum NotStarted implements RunningProcess {
        INSTANCE;

        @Override
        public void sendUserTurn(String text, List<Attachment> attachments) {
            throw gone();
        }

        @Override
        public void interrupt() {}

        @Override
        public void answerPermission(String requestId, PermissionDecision decision) {
            throw gone();
        }

        @Override
        public CompletableFuture<Void> setModel(String model) {
            throw gone();
        }

        @Override
        public CompletableFuture<Void> setEffort(String effort) {
            throw gone();
        }

        @Override
        public CompletableFuture<Void> setPermissionMode(PermissionMode mode) {
            throw gone();
        }

        @Override
        public boolean turnActive() {
            return false;
        }

        @Override
        public void close() {}

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public boolean isAlive() {
            return false;
        }

        private static UnavailableException gone() {
            return new UnavailableException("the claude CLI could not be started");
        }
    }
}
