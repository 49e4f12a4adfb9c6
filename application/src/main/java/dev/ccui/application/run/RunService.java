package dev.ccui.application.run;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.run.port.in.EventSubscription;
import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.application.run.port.in.RunUseCase;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.application.run.port.out.ClaudeRunner;
import dev.ccui.application.run.port.out.NodeHeartbeats;
import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Runs, as clients use them: one CLI process per active session on this node
 * ({@link LiveSessions}), started through {@link RunAdmission}, checked by {@link RunAccess},
 * followed through {@link SubscriberFeed} (runs of other nodes too), with {@link NodeJanitor}
 * keeping the shared store honest about nodes that are gone. This class only routes.
 */
public final class RunService implements RunUseCase, AutoCloseable {
    private static final int LIST_LIMIT = 200;

    private final RunRepository runs;
    private final RunEventLog log;
    private final Auditor auditor;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ccui-run-timers").daemon().factory());
    private final RunAccess access;
    private final LiveSessions sessions;
    private final RunAdmission admission;
    private final SubscriberFeed feed;
    private final NodeJanitor janitor;

    public RunService(
            ClaudeRunner runner,
            RunEventLog log,
            RunRepository runs,
            NodeHeartbeats nodes,
            ProjectRepository projects,
            SessionProjects index,
            EventBus bus,
            Auditor auditor,
            Clock clock,
            RunSettings settings) {
        this(runner, log, runs, nodes, projects, index, bus, auditor, clock, settings, new ProjectAccess(projects));
    }

    public RunService(
            ClaudeRunner runner,
            RunEventLog log,
            RunRepository runs,
            NodeHeartbeats nodes,
            ProjectRepository projects,
            SessionProjects index,
            EventBus bus,
            Auditor auditor,
            Clock clock,
            RunSettings settings,
            ProjectAccess projectAccess) {
        this.runs = runs;
        this.log = log;
        this.auditor = auditor;
        RunEventPublisher events = new RunEventPublisher(log, bus, clock);
        this.access = new RunAccess(runs, projects, projectAccess, index, auditor);
        this.sessions = new LiveSessions(
                runner,
                index,
                new LiveSession.Services(
                        runs, events, auditor, clock, settings.permissionTimeout(), DelayedTasks.on(timers)));
        this.admission = new RunAdmission(runs, index, sessions, auditor, clock, settings);
        this.feed = new SubscriberFeed(log, runs, bus, sessions::activeRunId);
        this.janitor = new NodeJanitor(runs, log, nodes, events, clock, settings);
    }

    /** Called once at startup: see {@link NodeJanitor#recover} and {@link NodeJanitor#schedule}. */
    public void recoverAfterRestart() {
        janitor.recover(sessionId -> sessions.get(sessionId) != null);
        janitor.schedule(timers);
    }

    void heartbeat() {
        janitor.heartbeat();
    }

    /** Active runs on this node, for metrics. */
    public int activeRuns() {
        return sessions.activeRuns();
    }

    @Override
    public StartedRun start(Principal caller, StartRunCommand command, ClientInfo client) {
        Project project = access.requireWorkspace(caller, command.projectId());
        access.requireMode(caller, command.permissionMode(), client);
        return admission.admit(caller, project, command, client);
    }

    @Override
    public void interrupt(Principal caller, RunId runId, ClientInfo client) {
        Run run = access.get(caller, runId);
        if (!run.active()) {
            return;
        }
        LiveSession live = sessions.get(run.sessionId());
        if (live == null || !live.isCurrent(runId)) {
            throw new ConflictException("RUN_NOT_HERE", "the run is not active on this node");
        }
        auditor.record(AuditAction.RUN_STOPPED, caller, runId.toString(), client, true, "interrupt requested");
        live.interrupt(runId);
    }

    @Override
    public void decide(Principal caller, RunId runId, String requestId, PermissionAnswer answer, ClientInfo client) {
        Run run = access.get(caller, runId);
        LiveSession live = sessions.get(run.sessionId());
        if (live == null || requestId == null) {
            throw new ConflictException("PERMISSION_NOT_PENDING", "no such pending permission request");
        }
        RunEvent.PermissionRequest decided =
                live.decide(runId, requestId, answer, caller.username().value());
        auditor.record(
                AuditAction.PERMISSION_DECIDED,
                caller,
                runId.toString(),
                client,
                true,
                (answer.allow() ? "allow " : "deny ") + decided.toolName() + (answer.remember() ? " (remember)" : "")
                        + (answer.allow() && !answer.answers().isEmpty()
                                ? " (answered " + answer.answers().size() + ")"
                                : "")
                        + (answer.allow() && answer.mode() != null
                                ? " (then " + answer.mode().cliName() + ")"
                                : "")
                        + " request " + requestId);
    }

    @Override
    public List<Run> list(Principal caller, boolean activeOnly) {
        return runs.list(caller.isAdmin() ? null : caller.userId(), activeOnly, LIST_LIMIT);
    }

    @Override
    public Run get(Principal caller, RunId runId) {
        return access.get(caller, runId);
    }

    @Override
    public List<LoggedRunEvent> events(Principal caller, SessionId sessionId, long afterSeq, int limit) {
        access.requireSession(caller, sessionId);
        return log.after(sessionId, Math.max(0, afterSeq), limit);
    }

    @Override
    public EventSubscription subscribe(
            Principal caller, SessionId sessionId, long afterSeq, Consumer<LoggedRunEvent> sink) {
        access.requireSession(caller, sessionId);
        return feed.subscribe(sessionId, afterSeq, sink);
    }

    /** Ends every process of this node; their runs end as the processes report it. */
    @Override
    public void close() {
        admission.close();
        sessions.closeAll();
        timers.shutdownNow();
        feed.close();
    }
}
