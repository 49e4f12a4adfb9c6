package dev.ccui.application.run;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.application.run.port.out.SessionForks;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Whether a prompt becomes a run. Decided one start at a time, because every rule reads what the
 * previous start wrote: a client message id already seen returns its run, the per-user and
 * global limits hold, a session has one active run, and a continued session belongs to the
 * project. The admitted run is recorded, then handed to the live sessions.
 */
final class RunAdmission {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final RunRepository runs;
    private final SessionProjects index;
    private final SessionForks forks;
    private final LiveSessions sessions;
    private final Auditor auditor;
    private final Clock clock;
    private final RunSettings settings;
    private final Consumer<Run> endLeftOver;
    static final Duration DRAIN_RETRY_AFTER = Duration.ofSeconds(2);

    private boolean closed;
    private boolean draining;

    RunAdmission(
            RunRepository runs,
            SessionProjects index,
            SessionForks forks,
            LiveSessions sessions,
            Auditor auditor,
            Clock clock,
            RunSettings settings,
            Consumer<Run> endLeftOver) {
        this.runs = runs;
        this.index = index;
        this.forks = forks;
        this.sessions = sessions;
        this.auditor = auditor;
        this.clock = clock;
        this.settings = settings;
        this.endLeftOver = endLeftOver;
    }

    synchronized StartedRun admit(Principal caller, Project project, StartRunCommand command, ClientInfo client) {
        if (closed) {
            throw new UnavailableException("the app is shutting down");
        }
        Optional<Run> known = runs.findByClientMessageId(caller.userId(), command.clientMessageId());
        if (known.isPresent()) {
            return new StartedRun(known.get().id(), known.get().sessionId());
        }
        if (draining) {
            // The client retries (nginx passes the retry to another node): the prompt's id makes it one run.
            throw new UnavailableException(
                    "DRAINING", "this node is shutting down and takes no new runs: try again", DRAIN_RETRY_AFTER);
        }
        checkLimits(caller);
        SessionId sessionId =
                command.sessionId() == null ? new SessionId(UUID.randomUUID().toString()) : command.sessionId();
        boolean resume = command.sessionId() != null && resumable(sessionId, project);
        // A fork copies a recorded history: the origin must be the project's and have one.
        if (command.forkFrom() != null && !resumable(command.forkFrom(), project)) {
            throw new ConflictException("NOTHING_TO_FORK", "that session has no recorded history to fork yet");
        }
        if (sessions.hasActiveRun(sessionId)) {
            throw runActive();
        }
        Run run = new Run(
                RunId.random(),
                sessionId,
                project.id(),
                caller.userId(),
                RunState.STARTING,
                command.clientMessageId(),
                clock.instant(),
                null,
                settings.node(),
                command.model(),
                command.effort());
        if (!runs.insert(run)) {
            // Another node took this client message id first: its run is the answer.
            Optional<Run> raced = runs.findByClientMessageId(caller.userId(), command.clientMessageId());
            if (raced.isPresent()) {
                return new StartedRun(raced.get().id(), raced.get().sessionId());
            }
            insertBesideTheActiveRun(run);
        }
        auditor.record(
                AuditAction.RUN_STARTED,
                caller,
                run.id().toString(),
                client,
                true,
                "session " + sessionId + " in " + project.path()
                        + (command.forkFrom() == null ? "" : " (fork of " + command.forkFrom() + ")"));
        if (command.forkFrom() != null) {
            forks.record(sessionId, command.forkFrom(), project.id(), caller.userId(), run.startedAt());
        }
        sessions.launch(run, caller, project, command, resume);
        return new StartedRun(run.id(), sessionId);
    }

    /**
     * The database refused the run because its session has an active run, which the check of this
     * node's processes above cannot see when the session's turn runs on another node: that is
     * {@code RUN_ACTIVE}. An active run of this node (which has no turn of the session, as checked
     * above) was left without a process, its end not stored: it is ended as lost, and the insert
     * tried once more.
     */
    private void insertBesideTheActiveRun(Run run) {
        Optional<Run> active = runs.activeOfSession(run.sessionId());
        if (active.isPresent() && !settings.node().equals(active.get().nodeId())) {
            throw runActive();
        }
        active.ifPresent(endLeftOver);
        if (!runs.insert(run)) {
            throw runActive();
        }
    }

    private static ConflictException runActive() {
        return new ConflictException("RUN_ACTIVE", "a run is already active in this session");
    }

    /**
     * A continued session must be the project's; it resumes from its transcript unless its only
     * run failed before the CLI wrote anything (there is no transcript to resume).
     */
    private boolean resumable(SessionId sessionId, Project project) {
        Optional<Run> latest = runs.latestOfSession(sessionId);
        Optional<ProjectId> indexed = index.projectOf(sessionId);
        ProjectId owner = latest.map(Run::projectId)
                .or(() -> indexed)
                .orElseThrow(() -> new NotFoundException("no such session"));
        if (!owner.equals(project.id())) {
            throw new NotFoundException("no such session in this project");
        }
        return indexed.isPresent()
                || latest.map(r -> r.state() != RunState.FAILED).orElse(false);
    }

    private void checkLimits(Principal caller) {
        long mine = sessions.activeRunsOf(caller);
        if (mine >= settings.perUser()) {
            throw new TooManyRequestsException(
                    "you already have " + mine + " active runs (the limit is " + settings.perUser()
                            + "); wait for one to end",
                    RETRY_AFTER);
        }
        if (sessions.activeRuns() >= settings.global()) {
            throw new TooManyRequestsException(
                    "the server runs its limit of " + settings.global() + " active runs; try again shortly",
                    RETRY_AFTER);
        }
    }

    /** Draining: only the runs already admitted go on; a repeat of one of their prompts still finds it. */
    synchronized void stopTaking() {
        draining = true;
    }

    /** No start is admitted from now on; one being admitted has finished when this returns. */
    synchronized void close() {
        closed = true;
    }
}
