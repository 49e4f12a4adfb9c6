package dev.ccui.application.run;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.permission.port.out.PermissionRuleStore;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.run.port.in.EventSubscription;
import dev.ccui.application.run.port.in.MessageQueueUseCase;
import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.application.run.port.in.QueuedMessageEdit;
import dev.ccui.application.run.port.in.RunUseCase;
import dev.ccui.application.run.port.in.SendOutcome;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.application.run.port.out.ClaudeRunner;
import dev.ccui.application.run.port.out.NodeHeartbeats;
import dev.ccui.application.run.port.out.QueuedMessages;
import dev.ccui.application.run.port.out.RunCommand;
import dev.ccui.application.run.port.out.RunCommandRelay;
import dev.ccui.application.run.port.out.RunCommandReply;
import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.application.run.port.out.SessionForks;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.QueuedMessage;
import dev.ccui.domain.run.QueuedMessageId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, as clients use them: one CLI process per active session on this node
 * ({@link LiveSessions}), started through {@link RunAdmission}, checked by {@link RunAccess},
 * followed through {@link SubscriberFeed} (runs of other nodes too), with {@link NodeJanitor}
 * keeping the shared store honest about nodes that are gone. This class only routes.
 */
public final class RunService implements RunUseCase, MessageQueueUseCase, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
    private static final int LIST_LIMIT = 200;
    private static final Duration DRAIN_POLL = Duration.ofMillis(100);

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
    private final MessageQueue queue;
    private final RunCommandForwarder forwarder;
    private final RunCommandRelay relay;
    private final RunSettings settings;
    private AutoCloseable serving;

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
            QueuedMessages queued,
            SessionForks forks,
            UserRepository users) {
        this(
                runner,
                log,
                runs,
                nodes,
                projects,
                index,
                bus,
                auditor,
                clock,
                settings,
                new ProjectAccess(projects),
                queued,
                forks,
                users,
                RunCommandRelay.NONE,
                null);
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
            ProjectAccess projectAccess,
            QueuedMessages queued,
            SessionForks forks,
            UserRepository users,
            RunCommandRelay relay,
            PermissionRuleStore savedRules) {
        this.runs = runs;
        this.log = log;
        this.auditor = auditor;
        RunEventPublisher events = new RunEventPublisher(log, bus, clock);
        this.access = new RunAccess(runs, projects, projectAccess, index, auditor);
        this.sessions = new LiveSessions(
                runner,
                index,
                new LiveSession.Services(
                        runs,
                        events,
                        auditor,
                        clock,
                        settings.permissionTimeout(),
                        DelayedTasks.on(timers),
                        // Its own thread: the queue's lock comes before a session's, never after.
                        sessionId -> Thread.ofVirtual().name("ccui-queue-drain").start(() -> drain(sessionId))),
                savedRules,
                // As many idle CLIs as active ones at most: the operator sizes CCUI_RUNS_MAX to memory.
                settings.global());
        this.janitor = new NodeJanitor(runs, log, nodes, events, clock, settings);
        this.admission = new RunAdmission(
                runs,
                index,
                forks,
                sessions,
                auditor,
                clock,
                settings,
                run -> janitor.endLost(run, "was left active on this node without a process"));
        this.feed = new SubscriberFeed(log, runs, bus, sessions::activeRunId);
        this.forwarder = new RunCommandForwarder(
                relay, nodes, clock, settings, run -> janitor.endLost(run, "did not answer a command and is silent"));
        this.queue =
                new MessageQueue(queued, runs, users, access, admission, sessions, events, auditor, clock, this::stop);
        this.relay = relay;
        this.settings = settings;
    }

    private void drain(SessionId sessionId) {
        try {
            queue.drain(sessionId);
        } catch (RuntimeException e) {
            LOG.error("the queue of session {} could not be sent on", sessionId, e);
        }
    }

    /** Called once at startup: see {@link NodeJanitor#recover} and {@link NodeJanitor#schedule}. */
    public void recoverAfterRestart() {
        janitor.recover(sessionId -> sessions.get(sessionId) != null);
        janitor.schedule(timers);
        serveCommands();
    }

    /** Takes the interrupts and decisions other nodes forward for this node's runs. */
    synchronized void serveCommands() {
        if (serving == null) {
            serving = relay.serve(settings.node(), new RunCommandsOfThisNode(this::applyHere));
        }
    }

    void heartbeat() {
        janitor.heartbeat();
    }

    /** Draining: new runs are refused ({@code 503 DRAINING}), active ones go on and can be steered. */
    public void stopTakingRuns() {
        admission.stopTaking();
    }

    /** Waits until no run is active here, at most {@code timeout}; whether none is. */
    public boolean awaitNoActiveRuns(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions.activeRuns() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(DRAIN_POLL.toNanos());
        }
        return true;
    }

    /** The end of a drain: the runs still active end {@code lost}, resumable on any node; how many. */
    public int handOverActiveRuns() {
        return sessions.handOverAll();
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
        stop(run);
        auditor.record(AuditAction.RUN_STOPPED, caller, runId.toString(), client, true, "interrupt requested");
    }

    /** Interrupts an active run where it runs: here, or forwarded to its node. */
    private void stop(Run run) {
        LiveSession live = sessions.get(run.sessionId());
        if ((live == null || !live.isCurrent(run.id())) && forwarder.elsewhere(run)) {
            forwarder.forward(run, new RunCommand.Interrupt(commandId(), run.id()));
        } else {
            interruptHere(run);
        }
    }

    @Override
    public void decide(Principal caller, RunId runId, String requestId, PermissionAnswer answer, ClientInfo client) {
        Run run = access.get(caller, runId);
        if (requestId == null) {
            throw new ConflictException("PERMISSION_NOT_PENDING", LiveSession.NOT_PENDING);
        }
        String toolName;
        LiveSession live = sessions.get(run.sessionId());
        // This node may still hold an idle process of the session while another node runs its turn.
        if (run.active() && forwarder.elsewhere(run) && (live == null || !live.isCurrent(runId))) {
            toolName = forwarder
                    .forward(
                            run,
                            new RunCommand.Decide(
                                    commandId(),
                                    runId,
                                    requestId,
                                    answer,
                                    caller.username().value()))
                    .toolName();
        } else {
            toolName = decideHere(run, requestId, answer, caller.username().value());
        }
        auditor.record(
                AuditAction.PERMISSION_DECIDED,
                caller,
                runId.toString(),
                client,
                true,
                (answer.allow() ? "allow " : "deny ") + toolName + (answer.remember() ? " (remember)" : "")
                        + (answer.allow() && !answer.answers().isEmpty()
                                ? " (answered " + answer.answers().size() + ")"
                                : "")
                        + (answer.allow() && answer.mode() != null
                                ? " (then " + answer.mode().cliName() + ")"
                                : "")
                        + " request " + requestId);
    }

    /** A forwarded command's idempotency key: unique per node and command, cheap (no SecureRandom per request). */
    private String commandId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return settings.node().value() + "-" + Long.toHexString(random.nextLong())
                + Long.toHexString(random.nextLong());
    }

    private void interruptHere(Run run) {
        LiveSession live = sessions.get(run.sessionId());
        if (live == null || !live.isCurrent(run.id())) {
            throw new ConflictException("RUN_NOT_HERE", "the run is not active on this node");
        }
        live.interrupt(run.id());
    }

    /** The decided request's tool name; the same failures whether the caller is here or on another node. */
    private String decideHere(Run run, String requestId, PermissionAnswer answer, String decidedBy) {
        LiveSession live = sessions.get(run.sessionId());
        if (live == null) {
            throw new ConflictException("PERMISSION_NOT_PENDING", LiveSession.NOT_PENDING);
        }
        return live.decide(run.id(), requestId, answer, decidedBy).toolName();
    }

    /** A command another node forwarded: access was checked there, the caller's node audits it. */
    private RunCommandReply applyHere(RunCommand command) {
        Run run = runs.findById(command.runId()).orElseThrow(() -> new NotFoundException("no such run"));
        return switch (command) {
            case RunCommand.Interrupt ignored -> {
                if (run.active()) {
                    interruptHere(run);
                }
                yield RunCommandReply.done(null);
            }
            case RunCommand.Decide decide ->
                RunCommandReply.done(decideHere(run, decide.requestId(), decide.answer(), decide.decidedBy()));
        };
    }

    @Override
    public SendOutcome sendOrQueue(Principal caller, StartRunCommand command, ClientInfo client) {
        Project project = access.requireWorkspace(caller, command.projectId());
        access.requireMode(caller, command.permissionMode(), client);
        return queue.sendOrQueue(caller, project, command, client);
    }

    @Override
    public List<QueuedMessage> queued(Principal caller, SessionId sessionId) {
        return queue.queued(caller, sessionId);
    }

    @Override
    public QueuedMessage edit(
            Principal caller, SessionId sessionId, QueuedMessageId id, QueuedMessageEdit edit, ClientInfo client) {
        return queue.edit(caller, sessionId, id, edit, client);
    }

    @Override
    public void remove(Principal caller, SessionId sessionId, QueuedMessageId id, ClientInfo client) {
        queue.remove(caller, sessionId, id, client);
    }

    @Override
    public SendOutcome sendNow(Principal caller, SessionId sessionId, QueuedMessageId id, ClientInfo client) {
        return queue.sendNow(caller, sessionId, id, client);
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
        synchronized (this) {
            if (serving != null) {
                try {
                    serving.close();
                } catch (Exception e) {
                    // Closing a subscription handle does not fail in practice; stopping goes on regardless.
                }
                serving = null;
            }
        }
        admission.close();
        sessions.closeAll();
        timers.shutdownNow();
        feed.close();
    }
}
