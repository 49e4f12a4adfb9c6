package dev.ccui.application.testing;

import dev.ccui.application.run.port.out.ClaudeRunner;
import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.application.run.port.out.RunListener;
import dev.ccui.application.run.port.out.RunSpec;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.run.Attachment;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.run.RunEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the CLI: the test plays what the CLI would print through {@link FakeProcess}
 * and sees what the service sent it. With {@link #missingCli()} every start fails as the real
 * runner does when the executable is missing.
 */
public final class FakeClaudeRunner implements ClaudeRunner {
    private final List<FakeProcess> started = new CopyOnWriteArrayList<>();
    private volatile boolean missing;

    public void missingCli() {
        missing = true;
    }

    @Override
    public RunningProcess start(RunSpec spec, RunListener listener) {
        FakeProcess process = new FakeProcess(spec, listener);
        started.add(process);
        if (missing) {
            listener.onEvent(new RunEvent.Error("cli_start_failed", "the claude CLI could not be started", Map.of()));
            listener.onEvent(new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
            process.alive = false;
            listener.onExit(new ProcessExit(null, ProcessExit.Cause.START_FAILED, ""));
        }
        return process;
    }

    public List<FakeProcess> started() {
        return List.copyOf(started);
    }

    public FakeProcess last() {
        return started.getLast();
    }

    public static final class FakeProcess implements RunningProcess {
        public final RunSpec spec;
        private final RunListener listener;
        public final List<String> turns = new CopyOnWriteArrayList<>();
        /** The files of each turn, in the order of {@link #turns}. */
        public final List<List<Attachment>> files = new CopyOnWriteArrayList<>();

        public final Map<String, PermissionDecision> answers = new LinkedHashMap<>();
        public final List<String> models = new ArrayList<>();
        public final List<String> efforts = new ArrayList<>();
        private final Set<String> openRequests = new HashSet<>();
        public volatile int interrupts;
        private volatile boolean alive = true;
        private volatile boolean turnActive;

        FakeProcess(RunSpec spec, RunListener listener) {
            this.spec = spec;
            this.listener = listener;
        }

        /** The CLI prints a line. */
        public void emit(RunEvent event) {
            if (event instanceof RunEvent.PermissionRequest request) {
                synchronized (this) {
                    openRequests.add(request.requestId());
                }
            }
            if (event instanceof RunEvent.RunEnded) {
                turnActive = false;
            }
            listener.onEvent(event);
        }

        /** A whole plain turn: init, a delta, the text, the result and the end. */
        public void completeTurn(String text) {
            emit(new RunEvent.RunStarted(
                    spec.sessionId().value(),
                    "claude-test",
                    spec.cwd().toString(),
                    "default",
                    List.of("Write"),
                    "2.1.328"));
            emit(new RunEvent.AssistantDelta("m", 0, "text", text, null));
            emit(new RunEvent.AssistantText("m", text, null));
            emit(new RunEvent.Result(
                    "success",
                    false,
                    text,
                    5,
                    7,
                    0,
                    0,
                    0.001,
                    0.001,
                    10,
                    9,
                    1,
                    "end_turn",
                    "completed",
                    List.of(),
                    List.of(),
                    spec.sessionId().value()));
            emit(new RunEvent.RunEnded(RunEvent.EndReason.COMPLETED));
        }

        /** The process dies on its own. */
        public void crash(int exitCode) {
            alive = false;
            listener.onExit(new ProcessExit(exitCode, ProcessExit.Cause.EXITED, "boom"));
        }

        @Override
        public void sendUserTurn(String text, List<Attachment> attachments) {
            if (!alive) {
                throw new UnavailableException("the claude CLI process has ended");
            }
            turnActive = true;
            files.add(List.copyOf(attachments));
            turns.add(text);
        }

        @Override
        public void interrupt() {
            interrupts++;
        }

        /** The CLI gives up on a request, as it does when its turn is interrupted. */
        public void cancelPermission(String requestId) {
            synchronized (this) {
                openRequests.remove(requestId);
            }
            listener.onEvent(new RunEvent.PermissionResolved(
                    requestId, null, null, "deny", "cli", "the turn was interrupted before an answer"));
        }

        /**
         * The service owns the pending requests and answers each once: a second answer, or one
         * to a request the CLI never asked or gave up on, is a bug of the service and fails the test.
         */
        @Override
        public synchronized void answerPermission(String requestId, PermissionDecision decision) {
            if (!openRequests.remove(requestId)) {
                throw new IllegalStateException("answered " + requestId + ", which the CLI does not wait for");
            }
            answers.put(requestId, decision);
        }

        public synchronized Map<String, PermissionDecision> answers() {
            return Map.copyOf(answers);
        }

        @Override
        public CompletableFuture<Void> setModel(String model) {
            models.add(model);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> setEffort(String effort) {
            efforts.add(effort);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> setPermissionMode(PermissionMode mode) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean turnActive() {
            return turnActive;
        }

        @Override
        public void close() {
            if (alive) {
                alive = false;
                listener.onExit(new ProcessExit(0, ProcessExit.Cause.CLOSED, ""));
            }
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public boolean isAlive() {
            return alive;
        }
    }
}
