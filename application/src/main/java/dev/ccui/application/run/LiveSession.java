package dev.ccui.application.run;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.application.run.port.out.RunListener;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.permission.RuleMatch;
import dev.ccui.domain.permission.ToolRules;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.run.ToolPrompts;
import dev.ccui.domain.session.SessionId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's CLI process on this node and its current run: the state machine of the run
 * (starting, running, awaiting permission, interrupting, ended) and the one owner of its pending
 * permission requests; the process only writes the answers it is given. Every method holds this
 * session's lock, so the order of appends (their seq) and of state changes agree.
 */
final class LiveSession implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);
    static final String DECIDED_BY_RULE = "session_rule";
    static final String DECIDED_BY_TIMEOUT = "timeout";
    static final String DECIDED_BY_CLI = "cli";
    /** One answer for a request that is not pending, whichever node or check finds it so. */
    static final String NOT_PENDING = "this permission request was already decided or does not exist";

    /** What every live session of the node shares. */
    record Services(
            RunRepository runs,
            RunEventPublisher events,
            Auditor auditor,
            Clock clock,
            Duration permissionTimeout,
            DelayedTasks timers,
            Consumer<SessionId> turnEnded) {}

    private final SessionId sessionId;
    private final Services services;
    private final Consumer<LiveSession> onGone;
    private final ToolRules rules;
    /** The project's folder: path rules ({@code Edit(src/**)}) are relative to it. */
    private final Path projectRoot;

    private final PendingPermissions permissions = new PendingPermissions();
    private RunningProcess process;
    private Run current;
    private long lastBegun;
    private Principal startedBy;
    private RunId lastRunId;
    private boolean exited;
    /** Ended {@code lost} by a draining node: whatever the process still says belongs to no run. */
    private boolean handedOver;

    /**
     * @param rules  the saved permission rules its process was started with
     * @param onGone told once the process is gone for good, so the node forgets this session
     */
    LiveSession(
            SessionId sessionId, Services services, ToolRules rules, Path projectRoot, Consumer<LiveSession> onGone) {
        this.sessionId = sessionId;
        this.services = services;
        this.rules = rules;
        this.projectRoot = projectRoot;
        this.onGone = onGone;
    }

    LiveSession(SessionId sessionId, Services services, ToolRules rules, Consumer<LiveSession> onGone) {
        this(sessionId, services, rules, null, onGone);
    }

    ToolRules rules() {
        return rules;
    }

    /** Between turns: the node forgets it and its process ends, so that another takes the session on. */
    void retire() {
        synchronized (this) {
            gone();
        }
        closeProcess();
    }

    SessionId sessionId() {
        return sessionId;
    }

    synchronized boolean hasActiveRun() {
        return current != null;
    }

    synchronized boolean activeRunOf(Principal caller) {
        return current != null && caller.userId().equals(current.userId());
    }

    synchronized boolean isCurrent(RunId runId) {
        return current != null && current.id().equals(runId);
    }

    synchronized RunId currentRunId() {
        return current == null ? null : current.id();
    }

    /** Whether the process can take another turn. */
    synchronized boolean alive() {
        return !exited && process != null && process.isAlive();
    }

    synchronized void begin(Run run, Principal caller) {
        current = run;
        lastRunId = run.id();
        startedBy = caller;
        lastBegun = System.nanoTime();
    }

    /** A process waiting for its session's next turn. */
    synchronized boolean idle() {
        return current == null && alive();
    }

    /** When its last turn began ({@link System#nanoTime()}): the least recently used idle process goes first. */
    synchronized long lastBegun() {
        return lastBegun;
    }

    synchronized void attach(RunningProcess started) {
        process = started;
    }

    /** A later turn may change the model or mode of the running process. */
    void adjust(StartRunCommand command) {
        RunningProcess target = process();
        if (command.model() != null) {
            target.setModel(command.model());
        }
        if (command.effort() != null) {
            target.setEffort(command.effort());
        }
        if (command.permissionMode() != null) {
            target.setPermissionMode(command.permissionMode());
        }
    }

    /** Sends the prompt; {@code false} when the process had already ended. */
    boolean send(Run run, StartRunCommand command) {
        RunningProcess target;
        synchronized (this) {
            if (!isCurrent(run.id())) {
                // It failed to start and already ended with its events.
                return true;
            }
            target = process;
        }
        try {
            target.sendUserTurn(command.prompt(), command.attachments());
            return true;
        } catch (UnavailableException e) {
            return false;
        }
    }

    /** Lets another process take the run over; {@code false} when the run already ended here. */
    synchronized boolean detach(Run run) {
        if (!isCurrent(run.id())) {
            return false;
        }
        current = null;
        gone();
        return true;
    }

    synchronized void failed(Run run, String code, String message) {
        if (isCurrent(run.id())) {
            emit(new RunEvent.Error(code, message == null ? "the run could not start" : message, Map.of()));
            end(RunState.FAILED, new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
        }
        gone();
    }

    /**
     * Asks the CLI to stop the turn. Its pending requests stay until the CLI gives up on them or
     * the run ends, so that each still gets its one {@code permission_resolved}.
     */
    void interrupt(RunId runId) {
        RunningProcess target;
        synchronized (this) {
            if (!isCurrent(runId) || process == null) {
                return;
            }
            setState(RunState.INTERRUPTING);
            target = process;
        }
        target.interrupt();
    }

    /** A person's answer; the first one wins, any later one is a conflict. */
    synchronized RunEvent.PermissionRequest decide(
            RunId runId, String requestId, PermissionAnswer answer, String decidedBy) {
        PendingPermissions.Pending pending = permissions
                .find(requestId, runId)
                .orElseThrow(() -> new ConflictException("PERMISSION_NOT_PENDING", NOT_PENDING));
        RunEvent.PermissionRequest request = pending.request();
        // Built before the request leaves: a malformed answer (400) leaves it pending for a good one.
        PermissionDecision decision =
                answer.allow() ? allow(request, answer) : new PermissionDecision.Deny(answer.message(), false);
        permissions.take(requestId, runId);
        if (answer.allow() && answer.remember() && !ToolPrompts.isPrompt(request)) {
            permissions.rememberAllowed(request.toolName());
        }
        answer(
                pending.runId(),
                request,
                decision,
                decidedBy,
                decision instanceof PermissionDecision.Deny deny ? deny.message() : null);
        return request;
    }

    private synchronized void timedOut(String requestId) {
        permissions.take(requestId).ifPresent(pending -> {
            String message =
                    "No decision within " + services.permissionTimeout().toSeconds() + " s: denied.";
            answer(pending.runId(), pending.request(), PermissionDecision.deny(message), DECIDED_BY_TIMEOUT, message);
            services.auditor()
                    .record(
                            AuditAction.PERMISSION_DECIDED,
                            null,
                            null,
                            pending.runId().toString(),
                            null,
                            true,
                            "deny " + pending.request().toolName() + " (timeout) request " + requestId);
        });
    }

    /** The CLI wants the input to run the tool with, even when it is the one it asked about. */
    private static PermissionDecision allow(RunEvent.PermissionRequest request) {
        return new PermissionDecision.Allow(request.input(), List.of());
    }

    /** A question's answers and a plan's next mode travel inside the allow answer. */
    private static PermissionDecision allow(RunEvent.PermissionRequest request, PermissionAnswer answer) {
        Map<String, Object> input =
                answer.answers().isEmpty() ? request.input() : ToolPrompts.answered(request, answer.answers());
        List<Map<String, Object>> rules =
                answer.mode() == null ? List.of() : List.of(ToolPrompts.modeAfterPlan(request, answer.mode()));
        return new PermissionDecision.Allow(input, rules);
    }

    private void answer(
            RunId runId,
            RunEvent.PermissionRequest request,
            PermissionDecision decision,
            String decidedBy,
            String message) {
        try {
            process.answerPermission(request.requestId(), decision);
        } catch (CcuiException e) {
            LOG.info("permission answer for {} not taken by the CLI: {}", request.requestId(), e.getMessage());
        }
        resolved(runId, request, decision.behavior(), decidedBy, message);
    }

    private void resolved(
            RunId runId, RunEvent.PermissionRequest request, String decision, String decidedBy, String message) {
        emit(
                runId,
                new RunEvent.PermissionResolved(
                        request.requestId(), request.toolUseId(), request.toolName(), decision, decidedBy, message));
        if (permissions.isEmpty() && current != null && current.state() == RunState.AWAITING_PERMISSION) {
            setState(RunState.RUNNING);
        }
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        if (handedOver) {
            // The CLI answering its close (a result, its own end) after the run was ended lost.
            return;
        }
        switch (event) {
            case RunEvent.RunStarted started -> {
                emit(started);
                if (current != null && current.state() == RunState.STARTING) {
                    setState(RunState.RUNNING);
                }
            }
            case RunEvent.PermissionRequest request -> asked(request);
            // The CLI gave up on a request (its turn was interrupted): it counts only while nobody answered it.
            case RunEvent.PermissionResolved cancelled
            when cancelled.requestId() != null ->
                permissions
                        .take(cancelled.requestId())
                        .ifPresent(pending -> resolved(
                                pending.runId(),
                                pending.request(),
                                cancelled.decision(),
                                DECIDED_BY_CLI,
                                cancelled.message()));
            case RunEvent.RunEnded ended -> end(RunState.endedBy(ended.reason()), ended);
            // Said once, here, for every client: which saved rule lets the call run or refuses it without asking.
            case RunEvent.ToolUse use ->
                emit(use.withSavedRule(RuleMatch.of(rules, use.name(), use.input(), projectRoot)
                        .orElse(null)));
            default -> emit(event);
        }
    }

    private void asked(RunEvent.PermissionRequest request) {
        RunId runId = current == null ? lastRunId : current.id();
        boolean byRule = permissions.allowedForSession(request.toolName()) && !ToolPrompts.isPrompt(request);
        // The row says the run waits before the request goes out, as it says how a run ended before
        // run_ended: a client that asks for the run as soon as the request arrives must not read "running".
        if (!byRule && current != null && current.state() != RunState.INTERRUPTING) {
            setState(RunState.AWAITING_PERMISSION);
        }
        emit(request);
        if (byRule) {
            answer(runId, request, allow(request), DECIDED_BY_RULE, null);
            return;
        }
        DelayedTasks.Scheduled timeout =
                services.timers().after(services.permissionTimeout(), () -> timedOut(request.requestId()));
        permissions.add(new PendingPermissions.Pending(runId, request, timeout));
    }

    @Override
    public synchronized void onExit(ProcessExit exit) {
        if (current != null && !handedOver) {
            emit(new RunEvent.Error(
                    "cli_exited",
                    "the claude CLI ended before the run did ("
                            + exit.cause().name().toLowerCase(Locale.ROOT) + ")",
                    exit.exitCode() == null ? Map.of() : Map.of("exitCode", exit.exitCode())));
            end(RunState.FAILED, new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
        }
        permissions.dropAll();
        gone();
    }

    /**
     * This node stops before the run finished: it ends {@code lost}, as a dead node's run would, so
     * that continuing the session (on any node) resumes it; the process is ended afterwards.
     */
    synchronized boolean handOver() {
        if (current == null) {
            return false;
        }
        end(RunState.LOST, new RunEvent.RunEnded(RunEvent.EndReason.LOST));
        permissions.dropAll();
        handedOver = true;
        return true;
    }

    void closeProcess() {
        RunningProcess target = process();
        if (target != null) {
            target.close();
        }
    }

    private synchronized RunningProcess process() {
        return process;
    }

    private void gone() {
        exited = true;
        onGone.accept(this);
    }

    private void emit(RunEvent event) {
        RunId runId = current != null ? current.id() : lastRunId;
        if (runId == null) {
            LOG.warn("dropped a {} event of session {} that came before any run", event.kind(), sessionId);
            return;
        }
        emit(runId, event);
    }

    private void emit(RunId runId, RunEvent event) {
        try {
            services.events().append(sessionId, runId, event);
        } catch (RuntimeException e) {
            LOG.error("could not store a {} event of session {}", event.kind(), sessionId, e);
        }
    }

    private void setState(RunState state) {
        current = current.withState(state, services.clock().instant());
        services.runs().updateState(current.id(), state, current.endedAt());
    }

    /**
     * The run's row says how it ended before anyone hears {@code run_ended}: a client that asks
     * for the run as soon as the event arrives sees the final state, not "starting".
     */
    private void end(RunState state, RunEvent.RunEnded ended) {
        if (current != null && current.state() != state) {
            setState(state);
        }
        emit(ended);
        if (current == null) {
            return;
        }
        Run finished = current;
        services.auditor()
                .record(
                        AuditAction.RUN_STOPPED,
                        finished.userId(),
                        startedBy == null ? null : startedBy.username().value(),
                        finished.id().toString(),
                        null,
                        state != RunState.FAILED,
                        "ended " + state.name().toLowerCase(Locale.ROOT));
        permissions.dropRun(finished.id());
        current = null;
        // What waited for this turn may go now (told, not done, under this session's lock).
        services.turnEnded().accept(sessionId);
    }
}
