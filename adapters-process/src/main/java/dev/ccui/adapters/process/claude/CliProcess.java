package dev.ccui.adapters.process.claude;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.application.run.port.out.RunListener;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.RunEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running {@code claude} process: a reader thread for stdout (the only thread that calls
 * the listener), one for stderr ({@link StderrTail}) and one for stdin ({@link StdinWriter}).
 * What it writes is {@link StreamJsonEncoder}'s, what it reads {@link StreamJsonParser}'s and
 * what its end means {@link ExitEvents}'; this class keeps the turn bookkeeping and the timers.
 */
final class CliProcess implements RunningProcess {
    private static final Logger LOG = LoggerFactory.getLogger(CliProcess.class);
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Duration STDERR_WAIT = Duration.ofSeconds(1);

    private final Process process;
    private final RunListener listener;
    private final StreamJsonParser parser;
    private final StreamJsonEncoder encoder;
    private final CliRunnerSettings settings;
    private final ScheduledExecutorService timers;
    private final Consumer<CliProcess> onGone;
    private final StdinWriter stdin = new StdinWriter();
    private final StderrTail stderr = new StderrTail();
    private final PendingControls controls = new PendingControls();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong requestIds = new AtomicLong();
    private final Thread reader;

    // Guarded by this.
    private int pendingTurns;
    private long results;
    private boolean interruptRequested;
    private ProcessExit.Cause closing;
    private boolean ended;
    private ScheduledFuture<?> idleTimer;
    private ScheduledFuture<?> silenceTimer;
    /** Permission prompts the CLI waits on a person for: its silence then is not a hang. */
    private int openPrompts;
    /** When stdout last gave a line; read by the silence timer, written by the reader thread. */
    private volatile long lastOutputNanos = System.nanoTime();
    /** A kill of the tree in progress on another thread; the exit is reported once it is complete. */
    private CompletableFuture<Void> treeKill;

    CliProcess(
            Process process,
            RunListener listener,
            ObjectMapper mapper,
            CliRunnerSettings settings,
            ScheduledExecutorService timers,
            Consumer<CliProcess> onGone) {
        this.process = process;
        this.listener = listener;
        this.parser = new StreamJsonParser(mapper);
        this.encoder = new StreamJsonEncoder(mapper);
        this.settings = settings;
        this.timers = timers;
        this.onGone = onGone;
        this.reader = Thread.ofPlatform()
                .daemon()
                .name("claude-stdout-" + process.pid())
                .unstarted(this::readStdout);
    }

    /** Starts reading and writing; separate from the constructor so the runner tracks it first. */
    void begin() {
        long pid = process.pid();
        Thread.ofPlatform()
                .daemon()
                .name("claude-stderr-" + pid)
                .start(() -> stderr.readFrom(process.getErrorStream(), pid));
        Thread.ofPlatform()
                .daemon()
                .name("claude-stdin-" + pid)
                .start(() -> stdin.drainTo(process.getOutputStream(), pid));
        reader.start();
        synchronized (this) {
            scheduleIdle();
        }
    }

    @Override
    public void sendUserTurn(String text, List<Attachment> attachments) {
        String line = encoder.userTurn(text, attachments);
        synchronized (this) {
            requireOpen();
            pendingTurns++;
            cancelIdle();
            lastOutputNanos = System.nanoTime();
            scheduleSilence(settings.silenceTimeout().toNanos());
            write(line);
        }
    }

    @Override
    public void interrupt() {
        long resultsAtInterrupt;
        synchronized (this) {
            if (ended || closing != null || pendingTurns == 0) {
                return;
            }
            interruptRequested = true;
            resultsAtInterrupt = results;
            write(encoder.controlRequest(nextRequestId("interrupt"), "interrupt", Map.of()));
        }
        timers.schedule(
                () -> killIfStillRunning(resultsAtInterrupt),
                settings.interruptTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void killIfStillRunning(long resultsAtInterrupt) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (ended || closing != null || results != resultsAtInterrupt) {
                return;
            }
            closing = ProcessExit.Cause.INTERRUPT_TIMEOUT;
            treeKill = done;
        }
        LOG.warn(
                "claude CLI process {} ignored an interrupt for {}: killing its process tree",
                process.pid(),
                settings.interruptTimeout());
        try {
            ProcessTrees.kill(process, List.of(), KILL_WAIT);
        } finally {
            done.complete(null);
        }
    }

    /** Which requests are still open is the run service's to know (it owns them): this only writes the answer. */
    @Override
    public void answerPermission(String requestId, PermissionDecision decision) {
        Objects.requireNonNull(requestId, "requestId");
        String line = encoder.permissionAnswer(requestId, Objects.requireNonNull(decision, "decision"));
        synchronized (this) {
            requireOpen();
            openPrompts = Math.max(0, openPrompts - 1);
            lastOutputNanos = System.nanoTime();
            write(line);
        }
    }

    @Override
    public CompletableFuture<Void> setModel(String model) {
        if (model == null || model.isBlank()) {
            throw new InvalidException("model", "not a model name");
        }
        return control("set_model", Map.of("model", model));
    }

    @Override
    public CompletableFuture<Void> setPermissionMode(PermissionMode mode) {
        Objects.requireNonNull(mode, "mode");
        return control("set_permission_mode", Map.of("mode", mode.cliName()));
    }

    @Override
    public CompletableFuture<Void> setEffort(String effort) {
        if (effort == null || effort.isBlank() || effort.startsWith("-")) {
            throw new InvalidException("effort", "not an effort level");
        }
        String id = nextRequestId("apply_flag_settings");
        return awaitAnswer(id, encoder.applyFlagSettings(id, Map.of("effortLevel", effort)));
    }

    private CompletableFuture<Void> control(String subtype, Map<String, String> fields) {
        String id = nextRequestId(subtype);
        return awaitAnswer(id, encoder.controlRequest(id, subtype, fields));
    }

    private CompletableFuture<Void> awaitAnswer(String id, String line) {
        synchronized (this) {
            requireOpen();
            CompletableFuture<Void> answered = controls.open(id, CONTROL_TIMEOUT);
            write(line);
            return answered;
        }
    }

    @Override
    public synchronized boolean turnActive() {
        return pendingTurns > 0;
    }

    @Override
    public void close() {
        closeBecause(ProcessExit.Cause.CLOSED);
    }

    private void closeBecause(ProcessExit.Cause cause) {
        List<ProcessHandle> treeAtClose;
        synchronized (this) {
            if (closing == null && !ended) {
                closing = cause;
            }
            cancelIdle();
            treeAtClose = process.descendants().toList();
            stdin.end();
        }
        try {
            if (!process.waitFor(settings.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.info(
                        "claude CLI process {} did not exit {} after its input closed: killing its process tree",
                        process.pid(),
                        settings.closeTimeout());
            }
            List<ProcessHandle> leftovers = ProcessTrees.aliveDescendants(treeAtClose);
            if (process.isAlive() || !leftovers.isEmpty()) {
                ProcessTrees.kill(process, leftovers, KILL_WAIT);
            }
            if (Thread.currentThread() != reader) {
                finished.await(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTrees.kill(process, treeAtClose, KILL_WAIT);
        }
    }

    /** For the JVM's shutdown: no goodbye, just make sure nothing is left. */
    void kill() {
        synchronized (this) {
            if (closing == null && !ended) {
                closing = ProcessExit.Cause.CLOSED;
            }
        }
        ProcessTrees.kill(process, List.of(), KILL_WAIT);
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    private void requireOpen() {
        if (ended || closing != null || !process.isAlive()) {
            throw new UnavailableException("the claude CLI process of this session has ended");
        }
    }

    private String nextRequestId(String what) {
        return "ccui-" + what + "-" + requestIds.incrementAndGet();
    }

    private void write(String line) {
        stdin.write(line);
    }

    private void readStdout() {
        try (InputStream out = process.getInputStream()) {
            BoundedLineReader lines = new BoundedLineReader(out, settings.maxLineBytes());
            BoundedLineReader.Line line;
            while ((line = lines.next()) != null) {
                if (line.text() == null) {
                    LOG.warn(
                            "claude CLI process {} printed a line of {} bytes, more than {}: skipped",
                            process.pid(),
                            line.skippedBytes(),
                            settings.maxLineBytes());
                    deliver(new RunEvent.Error(
                            "line_too_long",
                            "the CLI printed a line too long to read; it was skipped",
                            Map.of("bytes", line.skippedBytes(), "limit", settings.maxLineBytes())));
                    continue;
                }
                lastOutputNanos = System.nanoTime();
                handle(parser.parse(line.text()));
            }
        } catch (IOException e) {
            LOG.debug("reading claude CLI process {} ended: {}", process.pid(), e.toString());
        } catch (RuntimeException e) {
            LOG.error("reading claude CLI process {} failed", process.pid(), e);
        } finally {
            finish();
        }
    }

    private void handle(StreamJsonParser.Parsed parsed) {
        if (parsed.controlReply() != null) {
            controls.answered(parsed.controlReply());
        }
        if (parsed.controlRequest() != null) {
            refuse(parsed.controlRequest());
        }
        for (RunEvent event : parsed.events()) {
            RunEvent.EndReason turnEnded = null;
            synchronized (this) {
                if (event instanceof RunEvent.PermissionRequest) {
                    openPrompts++;
                } else if (event instanceof RunEvent.PermissionResolved resolved
                        && "cli".equals(resolved.decidedBy())) {
                    openPrompts = Math.max(0, openPrompts - 1);
                }
                if (event instanceof RunEvent.Result result) {
                    results++;
                    pendingTurns = Math.max(0, pendingTurns - 1);
                    turnEnded = endReason(result, interruptRequested);
                    if (pendingTurns == 0) {
                        interruptRequested = false;
                        openPrompts = 0;
                        cancelSilence();
                        scheduleIdle();
                    }
                }
            }
            deliver(event);
            if (turnEnded != null) {
                deliver(new RunEvent.RunEnded(turnEnded));
            }
        }
    }

    /** How a turn ended, by its result; an interrupt we asked for may surface only as an error during execution. */
    static RunEvent.EndReason endReason(RunEvent.Result result, boolean interruptRequested) {
        String terminal = result.terminalReason() == null ? "" : result.terminalReason();
        if (terminal.startsWith("aborted") || interruptRequested && "error_during_execution".equals(result.subtype())) {
            return RunEvent.EndReason.INTERRUPTED;
        }
        return result.isError() ? RunEvent.EndReason.FAILED : RunEvent.EndReason.COMPLETED;
    }

    /** The CLI waits for an answer to every control request; say no to the ones we do not serve. */
    private void refuse(StreamJsonParser.ControlRequest request) {
        String line = encoder.refusal(request.requestId(), request.subtype());
        synchronized (this) {
            if (!ended) {
                write(line);
            }
        }
    }

    private void deliver(RunEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("a run listener failed on a '{}' event of claude CLI process {}", event.kind(), process.pid(), e);
        }
    }

    private void finish() {
        int exitCode;
        try {
            if (!process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                // stdout closed but the process lives on: it is broken, do not leave it behind.
                ProcessTrees.kill(process, List.of(), KILL_WAIT);
            }
            exitCode = process.waitFor();
            CompletableFuture<Void> killing;
            synchronized (this) {
                killing = treeKill;
            }
            if (killing != null) {
                killing.get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
            stderr.awaitEnd(STDERR_WAIT);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "killing the process tree of claude CLI process {} did not finish: {}",
                    process.pid(),
                    e.toString());
            exitCode = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ProcessTrees.kill(process, List.of(), KILL_WAIT);
            exitCode = process.exitValue();
        }
        ProcessExit.Cause cause;
        boolean turnWasActive;
        synchronized (this) {
            ended = true;
            cause = closing != null ? closing : ProcessExit.Cause.EXITED;
            turnWasActive = pendingTurns > 0;
            pendingTurns = 0;
            cancelIdle();
            cancelSilence();
        }
        stdin.end();
        String tail = stderr.text();
        controls.failAll(new UnavailableException("the claude CLI process of this session has ended"));
        if (cause == ProcessExit.Cause.EXITED) {
            LOG.warn(
                    "claude CLI process {} exited on its own with code {}{}",
                    process.pid(),
                    exitCode,
                    tail.isEmpty()
                            ? ""
                            : ": "
                                    + tail.lines()
                                            .reduce((first, second) -> second)
                                            .orElse(""));
        }
        ExitEvents.of(cause, exitCode, tail, turnWasActive).forEach(this::deliver);
        try {
            listener.onExit(new ProcessExit(exitCode, cause, tail));
        } catch (RuntimeException e) {
            LOG.error("a run listener failed on the exit of claude CLI process {}", process.pid(), e);
        } finally {
            onGone.accept(this);
            finished.countDown();
        }
    }

    /** Guarded by this. */
    private void scheduleIdle() {
        cancelIdle();
        if (ended || closing != null || pendingTurns > 0) {
            return;
        }
        long resultsWhenIdle = results;
        idleTimer = timers.schedule(
                () -> closeIfStillIdle(resultsWhenIdle), settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void closeIfStillIdle(long resultsWhenIdle) {
        synchronized (this) {
            if (ended || closing != null || pendingTurns > 0 || results != resultsWhenIdle) {
                return;
            }
        }
        LOG.info("closing claude CLI process {}: idle for {}", process.pid(), settings.idleTimeout());
        Thread.ofVirtual()
                .name("claude-idle-close-" + process.pid())
                .start(() -> closeBecause(ProcessExit.Cause.IDLE_TIMEOUT));
    }

    /**
     * Guarded by this. One timer per turn, not one per line: when it fires early (output came since)
     * it sets itself again for the rest of the silence allowed.
     */
    private void scheduleSilence(long delayNanos) {
        cancelSilence();
        silenceTimer = timers.schedule(this::checkSilence, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkSilence() {
        long allowed = settings.silenceTimeout().toNanos();
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            silenceTimer = null;
            if (ended || closing != null || pendingTurns == 0) {
                return;
            }
            long quiet = System.nanoTime() - lastOutputNanos;
            if (openPrompts > 0 || quiet < allowed) {
                scheduleSilence(openPrompts > 0 ? allowed : allowed - quiet);
                return;
            }
            closing = ProcessExit.Cause.SILENCE_TIMEOUT;
            treeKill = done;
        }
        LOG.warn(
                "claude CLI process {} printed nothing for {} during a turn: killing its process tree",
                process.pid(),
                settings.silenceTimeout());
        try {
            ProcessTrees.kill(process, List.of(), KILL_WAIT);
        } finally {
            done.complete(null);
        }
    }

    /** Guarded by this. */
    private void cancelSilence() {
        if (silenceTimer != null) {
            silenceTimer.cancel(false);
            silenceTimer = null;
        }
    }

    /** Guarded by this. */
    private void cancelIdle() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
    }
}
