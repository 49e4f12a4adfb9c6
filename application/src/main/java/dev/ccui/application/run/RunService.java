package dev.ccui.application.run;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.application.events.port.out.EventBus;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.run.port.in.DecidePermissionUseCase;
import dev.ccui.application.run.port.in.EventSubscription;
import dev.ccui.application.run.port.in.InterruptRunUseCase;
import dev.ccui.application.run.port.in.ListRunsUseCase;
import dev.ccui.application.run.port.in.PermissionAnswer;
import dev.ccui.application.run.port.in.RunUseCases;
import dev.ccui.application.run.port.in.SessionEventsUseCase;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.in.StartRunUseCase;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.application.run.port.out.ClaudeRunner;
import dev.ccui.application.run.port.out.NodeHeartbeats;
import dev.ccui.application.run.port.out.ProcessExit;
import dev.ccui.application.run.port.out.RunEventLog;
import dev.ccui.application.run.port.out.RunListener;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.application.run.port.out.RunSpec;
import dev.ccui.application.run.port.out.RunningProcess;
import dev.ccui.application.run.port.out.SessionProjects;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.user.Capability;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.run.PermissionMode;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.TooManyRequestsException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.PermissionDecision;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live runs: one CLI process per active session on this node, every event of it appended to the
 * durable log (which gives it its seq) and only then published, under the session's lock so that
 * seq order and publication order agree. Subscribers follow a session through the event bus, so
 * they see runs of other nodes too.
 */
public final class RunService implements RunUseCases, StartRunUseCase, InterruptRunUseCase, DecidePermissionUseCase,
        ListRunsUseCase, SessionEventsUseCase, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);
    private static final int REPLAY_PAGE = 500;
    private static final int LIST_LIMIT = 200;
    static final String DECIDED_BY_RULE = "session_rule";
    static final String DECIDED_BY_TIMEOUT = "timeout";

    private final ClaudeRunner runner;
    private final RunEventLog log;
    private final RunRepository runs;
    private final NodeHeartbeats nodes;
    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final SessionProjects index;
    private final EventBus bus;
    private final Auditor auditor;
    private final Clock clock;
    private final RunSettings settings;
    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ccui-run-timers").daemon().factory());
    private final Map<SessionId, Live> sessions = new ConcurrentHashMap<>();
    private final Map<SessionId, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    /** Admission (limits, idempotency, one run per session) is decided one start at a time. */
    private final Object admission = new Object();
    private final AutoCloseable busSubscription;
    private volatile boolean closed;

    public RunService(ClaudeRunner runner, RunEventLog log, RunRepository runs, NodeHeartbeats nodes,
                      ProjectRepository projects, SessionProjects index, EventBus bus, Auditor auditor, Clock clock,
                      RunSettings settings) {
        this(runner, log, runs, nodes, projects, index, bus, auditor, clock, settings, new ProjectAccess(projects));
    }

    public RunService(ClaudeRunner runner, RunEventLog log, RunRepository runs, NodeHeartbeats nodes,
                      ProjectRepository projects, SessionProjects index, EventBus bus, Auditor auditor, Clock clock,
                      RunSettings settings, ProjectAccess access) {
        this.runner = runner;
        this.log = log;
        this.runs = runs;
        this.nodes = nodes;
        this.projects = projects;
        this.access = access;
        this.index = index;
        this.bus = bus;
        this.auditor = auditor;
        this.clock = clock;
        this.settings = settings;
        this.busSubscription = bus.subscribe(event -> {
            if (event instanceof AppEvent.RunEventLogged logged) {
                dispatch(logged.logged());
            }
        });
    }

    /**
     * Called once at startup. Runs this node left active when it stopped can no longer be steered,
     * so they end as {@code lost} (continuing their session resumes it); runs of other nodes are
     * theirs as long as those nodes keep beating. Then, every {@link RunSettings#heartbeatEvery()},
     * this node beats and ends the runs of nodes silent for {@link RunSettings#nodeSilentAfter()};
     * old events are pruned now and every six hours.
     */
    public void recoverAfterRestart() {
        nodes.beat(settings.node(), clock.instant());
        for (Run run : runs.activeOnNode(settings.node())) {
            if (!sessions.containsKey(run.sessionId())) {
                endLost(run, "was active on this node when the app stopped");
            }
        }
        reapSilentNodes();
        long every = settings.heartbeatEvery().toMillis();
        timers.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::purgeExpired, 0, 6, TimeUnit.HOURS);
    }

    void heartbeat() {
        try {
            nodes.beat(settings.node(), clock.instant());
            reapSilentNodes();
        } catch (RuntimeException e) {
            LOG.warn("could not beat or look for silent nodes: {}", e.getMessage());
        }
    }

    private void reapSilentNodes() {
        for (Run run : runs.activeOnSilentNodes(settings.node(), clock.instant().minus(settings.nodeSilentAfter()))) {
            endLost(run, run.nodeId() == null ? "was recorded without a node and is not running here"
                    : "belongs to node " + run.nodeId() + ", silent for more than " + settings.nodeSilentAfter());
        }
    }

    /** Only the node that actually ends the run writes its end: several may find it at once. */
    private void endLost(Run run, String why) {
        if (runs.endIfActive(run.id(), RunState.LOST, clock.instant())) {
            LOG.info("run {} of session {} {}: marked lost", run.id(), run.sessionId(), why);
            append(run.sessionId(), run.id(), new RunEvent.RunEnded(RunEvent.EndReason.LOST));
        }
    }

    void purgeExpired() {
        try {
            var cutoff = clock.instant().minus(settings.retention());
            int events = log.deleteOlderThan(cutoff);
            int ended = runs.deleteEndedBefore(cutoff);
            if (events > 0 || ended > 0) {
                LOG.info("pruned {} run event(s) and {} finished run(s) older than {}", events, ended, settings.retention());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not prune old run events", e);
        }
    }

    /** Active runs on this node, for metrics. */
    public int activeRuns() {
        return (int) sessions.values().stream().filter(Live::hasActiveRun).count();
    }

    /** bypassPermissions runs every tool call unasked: the account needs the capability, an API key the scope too. */
    private void requireBypass(Principal caller, ClientInfo client) {
        if (caller.method() == AuthMethod.API_KEY && !caller.scopes().contains(ApiKeyScope.BYPASS_PERMISSIONS)) {
            auditor.record(AuditAction.CAPABILITY_REFUSED, caller, "bypassPermissions", client, false, "API key scope");
            throw new ForbiddenException("SCOPE_REQUIRED", "this API key does not have the bypassPermissions scope");
        }
        if (!caller.has(Capability.BYPASS_PERMISSIONS)) {
            auditor.record(AuditAction.CAPABILITY_REFUSED, caller, "bypassPermissions", client, false, "capability");
            throw new ForbiddenException("CAPABILITY_REQUIRED",
                    "your account may not run in bypassPermissions mode: an admin can give it that capability");
        }
    }

    @Override
    public StartedRun start(Principal caller, StartRunCommand command, ClientInfo client) {
        Project project = access.requireWorkspace(caller, command.projectId());
        if (command.permissionMode() == PermissionMode.BYPASS_PERMISSIONS) {
            requireBypass(caller, client);
        }
        synchronized (admission) {
            if (closed) {
                throw new UnavailableException("the app is shutting down");
            }
            Optional<Run> known = runs.findByClientMessageId(caller.userId(), command.clientMessageId());
            if (known.isPresent()) {
                return new StartedRun(known.get().id(), known.get().sessionId());
            }
            checkLimits(caller);
            SessionId sessionId;
            boolean resume;
            if (command.sessionId() == null) {
                sessionId = new SessionId(UUID.randomUUID().toString());
                resume = false;
            } else {
                sessionId = command.sessionId();
                Optional<Run> latest = runs.latestOfSession(sessionId);
                Optional<ProjectId> indexed = index.projectOf(sessionId);
                ProjectId owner = latest.map(Run::projectId).or(() -> indexed)
                        .orElseThrow(() -> new NotFoundException("no such session"));
                if (!owner.equals(project.id())) {
                    throw new NotFoundException("no such session in this project");
                }
                // A session whose only run failed before the CLI wrote anything has no transcript to resume.
                resume = indexed.isPresent() || latest.map(r -> r.state() != RunState.FAILED).orElse(false);
            }
            Live live = sessions.get(sessionId);
            if (live != null && live.hasActiveRun()) {
                throw new ConflictException("RUN_ACTIVE", "a run is already active in this session");
            }
            Run run = new Run(RunId.random(), sessionId, project.id(), caller.userId(), RunState.STARTING,
                    command.clientMessageId(), clock.instant(), null, settings.node());
            if (!runs.insert(run)) {
                Run raced = runs.findByClientMessageId(caller.userId(), command.clientMessageId()).orElseThrow();
                return new StartedRun(raced.id(), raced.sessionId());
            }
            auditor.record(AuditAction.RUN_STARTED, caller, run.id().toString(), client, true,
                    "session " + sessionId + " in " + project.path());
            launch(live, run, caller, project, command, resume);
            return new StartedRun(run.id(), sessionId);
        }
    }

    private void checkLimits(Principal caller) {
        long mine = sessions.values().stream().filter(live -> live.activeRunOf(caller)).count();
        if (mine >= settings.perUser()) {
            throw new TooManyRequestsException("you already have " + mine + " active runs (the limit is "
                    + settings.perUser() + "); wait for one to end", Duration.ofSeconds(5));
        }
        if (activeRuns() >= settings.global()) {
            throw new TooManyRequestsException("the server runs its limit of " + settings.global()
                    + " active runs; try again shortly", Duration.ofSeconds(5));
        }
    }

    private void launch(Live existing, Run run, Principal caller, Project project, StartRunCommand command,
                        boolean resume) {
        Live live = existing;
        boolean reuse = live != null && live.alive();
        if (!reuse) {
            live = new Live(run.sessionId());
            sessions.put(run.sessionId(), live);
        }
        live.begin(run, caller);
        if (reuse) {
            live.adjust(command);
            if (live.send(run, command) || !live.detach(run)) {
                return;
            }
            // The process ended between turns: continue in a fresh one.
            live = new Live(run.sessionId());
            sessions.put(run.sessionId(), live);
            live.begin(run, caller);
            resume = true;
        }
        if (resume) {
            // An archived session's transcript is written back first: the CLI resumes from the file.
            index.prepareResume(run.sessionId());
        }
        RunSpec spec = new RunSpec(Path.of(project.path()), run.sessionId(), resume, command.model(),
                command.permissionMode(), command.allowedTools(), List.of(), Map.of());
        RunningProcess process;
        try {
            process = runner.start(spec, live);
        } catch (CcuiException | IllegalStateException e) {
            live.failed(run, "cli_start_failed", e.getMessage());
            return;
        }
        live.attach(process);
        live.send(run, command);
    }

    @Override
    public void interrupt(Principal caller, RunId runId, ClientInfo client) {
        Run run = get(caller, runId);
        if (!run.active()) {
            return;
        }
        Live live = sessions.get(run.sessionId());
        if (live == null || !live.isCurrent(runId)) {
            throw new ConflictException("RUN_NOT_HERE", "the run is not active on this node");
        }
        auditor.record(AuditAction.RUN_STOPPED, caller, runId.toString(), client, true, "interrupt requested");
        live.interrupt(runId);
    }

    @Override
    public void decide(Principal caller, RunId runId, String requestId, PermissionAnswer answer, ClientInfo client) {
        Run run = get(caller, runId);
        Live live = sessions.get(run.sessionId());
        if (live == null || requestId == null) {
            throw new ConflictException("PERMISSION_NOT_PENDING", "no such pending permission request");
        }
        Pending decided = live.decide(runId, requestId, answer, caller.username().value());
        auditor.record(AuditAction.PERMISSION_DECIDED, caller, runId.toString(), client, true,
                (answer.allow() ? "allow " : "deny ") + decided.toolName() + (answer.remember() ? " (remember)" : "")
                        + " request " + requestId);
    }

    @Override
    public List<Run> list(Principal caller, boolean activeOnly) {
        return runs.list(caller.isAdmin() ? null : caller.userId(), activeOnly, LIST_LIMIT);
    }

    @Override
    public Run get(Principal caller, RunId runId) {
        Run run = runs.findById(runId).orElseThrow(() -> new NotFoundException("no such run"));
        if (caller.isAdmin() || caller.userId().equals(run.userId())) {
            return run;
        }
        Project project = projects.findById(run.projectId()).orElseThrow(() -> new NotFoundException("no such run"));
        if (!access.canUse(caller, project)) {
            throw new NotFoundException("no such run");
        }
        return run;
    }

    @Override
    public List<LoggedRunEvent> events(Principal caller, SessionId sessionId, long afterSeq, int limit) {
        requireSession(caller, sessionId);
        return log.after(sessionId, Math.max(0, afterSeq), limit);
    }

    @Override
    public EventSubscription subscribe(Principal caller, SessionId sessionId, long afterSeq,
                                       Consumer<LoggedRunEvent> sink) {
        requireSession(caller, sessionId);
        Watcher watcher = new Watcher(sessionId, Math.max(0, afterSeq), sink);
        watchers.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(watcher);
        // Read after registering: anything appended from now on reaches the watcher live.
        watcher.lastSeq = log.lastSeq(sessionId);
        Live live = sessions.get(sessionId);
        watcher.activeRunId = live == null ? null : live.currentRunId();
        if (watcher.activeRunId == null) {
            watcher.activeRunId = runs.latestOfSession(sessionId).filter(Run::active).map(Run::id).orElse(null);
        }
        if (watcher.activeRunId != null) {
            watcher.activeRunFirstSeq = log.firstSeqOfRun(sessionId, watcher.activeRunId);
        }
        return watcher;
    }

    private void requireSession(Principal caller, SessionId sessionId) {
        ProjectId projectId = runs.latestOfSession(sessionId).map(Run::projectId)
                .or(() -> index.projectOf(sessionId))
                .orElseThrow(() -> new NotFoundException("no such session"));
        Project project = projects.findById(projectId).orElseThrow(() -> new NotFoundException("no such session"));
        access.require(caller, project);
    }

    private LoggedRunEvent append(SessionId sessionId, RunId runId, RunEvent event) {
        LoggedRunEvent logged = log.append(sessionId, runId, event, clock.instant());
        bus.publish(new AppEvent.RunEventLogged(logged));
        return logged;
    }

    private void dispatch(LoggedRunEvent logged) {
        Set<Watcher> set = watchers.get(logged.sessionId());
        if (set != null) {
            for (Watcher watcher : set) {
                watcher.live(logged);
            }
        }
    }

    /** Ends every process of this node; their runs end as the processes report it. */
    @Override
    public void close() {
        List<Live> all;
        synchronized (admission) {
            closed = true;
            all = new ArrayList<>(sessions.values());
        }
        all.forEach(Live::closeProcess);
        timers.shutdownNow();
        try {
            busSubscription.close();
        } catch (Exception e) {
            LOG.debug("closing the run event subscription failed", e);
        }
    }

    private record Pending(RunId runId, String requestId, String toolName, String toolUseId, ScheduledFuture<?> timeout) {
    }

    /** One session's process and its current run; its lock orders appends and state changes. */
    private final class Live implements RunListener {
        private final SessionId sessionId;
        private final Map<String, Pending> pending = new LinkedHashMap<>();
        private final Set<String> allowedForSession = new HashSet<>();
        private RunningProcess process;
        private Run current;
        private Principal startedBy;
        private RunId lastRunId;
        private boolean exited;

        Live(SessionId sessionId) {
            this.sessionId = sessionId;
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

        synchronized boolean alive() {
            return !exited && process != null && process.isAlive();
        }

        synchronized void begin(Run run, Principal caller) {
            current = run;
            lastRunId = run.id();
            startedBy = caller;
        }

        synchronized void attach(RunningProcess started) {
            process = started;
        }

        void adjust(StartRunCommand command) {
            RunningProcess target;
            synchronized (this) {
                target = process;
            }
            if (command.model() != null) {
                target.setModel(command.model());
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
                target.sendUserTurn(command.prompt(), command.images());
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
            exited = true;
            sessions.remove(sessionId, this);
            return true;
        }

        synchronized void failed(Run run, String code, String message) {
            if (isCurrent(run.id())) {
                emit(new RunEvent.Error(code, message == null ? "the run could not start" : message, Map.of()));
                end(RunState.FAILED, new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
            }
            exited = true;
            sessions.remove(sessionId, this);
        }

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

        synchronized Pending decide(RunId runId, String requestId, PermissionAnswer answer, String decidedBy) {
            Pending request = pending.get(requestId);
            if (request == null || !request.runId().equals(runId)) {
                throw new ConflictException("PERMISSION_NOT_PENDING", "this permission request was already decided or does not exist");
            }
            pending.remove(requestId);
            request.timeout().cancel(false);
            if (answer.allow() && answer.remember()) {
                allowedForSession.add(request.toolName());
            }
            PermissionDecision decision = answer.allow() ? PermissionDecision.allowOnce()
                    : PermissionDecision.deny(answer.message());
            answerCli(request, decision, decidedBy, answer.allow() ? null : ((PermissionDecision.Deny) decision).message());
            return request;
        }

        private synchronized void timedOut(String requestId) {
            Pending request = pending.remove(requestId);
            if (request == null) {
                return;
            }
            String message = "No decision within " + settings.permissionTimeout().toSeconds() + " s: denied.";
            answerCli(request, PermissionDecision.deny(message), DECIDED_BY_TIMEOUT, message);
            auditor.record(AuditAction.PERMISSION_DECIDED, null, null, request.runId().toString(), null, true,
                    "deny " + request.toolName() + " (timeout) request " + requestId);
        }

        private void answerCli(Pending request, PermissionDecision decision, String decidedBy, String message) {
            try {
                process.answerPermission(request.requestId(), decision);
            } catch (CcuiException e) {
                LOG.info("permission answer for {} not taken by the CLI: {}", request.requestId(), e.getMessage());
            }
            emit(request.runId(), new RunEvent.PermissionResolved(request.requestId(), request.toolUseId(),
                    request.toolName(), decision.behavior(), decidedBy, message));
            if (pending.isEmpty() && current != null && current.state() == RunState.AWAITING_PERMISSION) {
                setState(RunState.RUNNING);
            }
        }

        @Override
        public synchronized void onEvent(RunEvent event) {
            switch (event) {
                case RunEvent.RunStarted started -> {
                    emit(started);
                    if (current != null && current.state() == RunState.STARTING) {
                        setState(RunState.RUNNING);
                    }
                }
                case RunEvent.PermissionRequest request -> {
                    emit(request);
                    RunId runId = current == null ? lastRunId : current.id();
                    if (allowedForSession.contains(request.toolName())) {
                        answerCli(new Pending(runId, request.requestId(), request.toolName(), request.toolUseId(), null),
                                PermissionDecision.allowOnce(), DECIDED_BY_RULE, null);
                        return;
                    }
                    ScheduledFuture<?> timeout = timers.schedule(() -> timedOut(request.requestId()),
                            settings.permissionTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    pending.put(request.requestId(),
                            new Pending(runId, request.requestId(), request.toolName(), request.toolUseId(), timeout));
                    if (current != null && current.state() != RunState.INTERRUPTING) {
                        setState(RunState.AWAITING_PERMISSION);
                    }
                }
                case RunEvent.RunEnded ended -> end(RunState.endedBy(ended.reason()), ended);
                default -> emit(event);
            }
        }

        @Override
        public synchronized void onExit(ProcessExit exit) {
            exited = true;
            if (current != null) {
                emit(new RunEvent.Error("cli_exited", "the claude CLI ended before the run did ("
                        + exit.cause().name().toLowerCase(java.util.Locale.ROOT) + ")",
                        exit.exitCode() == null ? Map.of() : Map.of("exitCode", exit.exitCode())));
                end(RunState.FAILED, new RunEvent.RunEnded(RunEvent.EndReason.FAILED));
            }
            pending.values().forEach(p -> {
                if (p.timeout() != null) {
                    p.timeout().cancel(false);
                }
            });
            pending.clear();
            sessions.remove(sessionId, this);
        }

        void closeProcess() {
            RunningProcess target;
            synchronized (this) {
                target = process;
            }
            if (target != null) {
                target.close();
            }
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
                append(sessionId, runId, event);
            } catch (RuntimeException e) {
                LOG.error("could not store a {} event of session {}", event.kind(), sessionId, e);
            }
        }

        private void setState(RunState state) {
            current = current.withState(state, clock.instant());
            runs.updateState(current.id(), state, current.endedAt());
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
            finish(state);
        }

        private void finish(RunState state) {
            if (current == null) {
                return;
            }
            if (current.state() != state) {
                setState(state);
            }
            Run ended = current;
            auditor.record(AuditAction.RUN_STOPPED, ended.userId(), startedBy == null ? null : startedBy.username().value(),
                    ended.id().toString(), null, state != RunState.FAILED, "ended " + state.name().toLowerCase(java.util.Locale.ROOT));
            for (var it = pending.values().iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (p.runId().equals(ended.id())) {
                    if (p.timeout() != null) {
                        p.timeout().cancel(false);
                    }
                    it.remove();
                }
            }
            current = null;
        }
    }

    /** One subscriber: live events are held back until the stored ones were replayed. */
    private final class Watcher implements EventSubscription {
        private final SessionId sessionId;
        private final long afterSeq;
        private final Consumer<LoggedRunEvent> sink;
        private final List<LoggedRunEvent> held = new ArrayList<>();
        private volatile long lastSeq;
        private volatile RunId activeRunId;
        private volatile long activeRunFirstSeq;
        private boolean replayed;
        private boolean closedWatcher;
        private long delivered;

        Watcher(SessionId sessionId, long afterSeq, Consumer<LoggedRunEvent> sink) {
            this.sessionId = sessionId;
            this.afterSeq = afterSeq;
            this.sink = sink;
            this.delivered = afterSeq;
        }

        @Override
        public long lastSeq() {
            return lastSeq;
        }

        @Override
        public Optional<RunId> activeRunId() {
            return Optional.ofNullable(activeRunId);
        }

        @Override
        public long activeRunFirstSeq() {
            return activeRunFirstSeq;
        }

        @Override
        public void replay() {
            long cursor = afterSeq;
            while (true) {
                List<LoggedRunEvent> page = log.after(sessionId, cursor, REPLAY_PAGE);
                synchronized (this) {
                    if (closedWatcher) {
                        return;
                    }
                    for (LoggedRunEvent event : page) {
                        deliver(event);
                    }
                }
                if (page.size() < REPLAY_PAGE) {
                    break;
                }
                cursor = page.getLast().seq();
            }
            synchronized (this) {
                for (LoggedRunEvent event : held) {
                    deliver(event);
                }
                held.clear();
                replayed = true;
            }
        }

        synchronized void live(LoggedRunEvent event) {
            if (closedWatcher) {
                return;
            }
            if (!replayed) {
                held.add(event);
                return;
            }
            if (event.seq() > delivered + 1) {
                // Another node's event overtook one this node never saw (pub/sub is at most once): fill from the log.
                for (LoggedRunEvent missed : log.after(sessionId, delivered, (int) Math.min(REPLAY_PAGE, event.seq() - delivered - 1))) {
                    if (missed.seq() < event.seq()) {
                        deliver(missed);
                    }
                }
            }
            deliver(event);
        }

        private void deliver(LoggedRunEvent event) {
            if (event.seq() <= delivered) {
                return;
            }
            delivered = event.seq();
            try {
                sink.accept(event);
            } catch (RuntimeException e) {
                LOG.debug("a run event subscriber failed", e);
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                closedWatcher = true;
                held.clear();
            }
            Set<Watcher> set = watchers.get(sessionId);
            if (set != null) {
                set.remove(this);
                watchers.computeIfPresent(sessionId, (id, s) -> s.isEmpty() ? null : s);
            }
        }
    }
}
