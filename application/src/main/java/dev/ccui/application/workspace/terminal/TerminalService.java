package dev.ccui.application.workspace.terminal;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.auth.port.out.SessionsEndedListener;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.project.ProjectAccess;
import dev.ccui.application.project.port.out.ProjectRepository;
import dev.ccui.application.workspace.terminal.port.in.OpenTerminalCommand;
import dev.ccui.application.workspace.terminal.port.in.TerminalAttachment;
import dev.ccui.application.workspace.terminal.port.in.TerminalSink;
import dev.ccui.application.workspace.terminal.port.in.TerminalUseCase;
import dev.ccui.application.workspace.terminal.port.out.ResumableSessions;
import dev.ccui.application.workspace.terminal.port.out.TerminalOutput;
import dev.ccui.application.workspace.terminal.port.out.TerminalProcess;
import dev.ccui.application.workspace.terminal.port.out.TerminalSpawner;
import dev.ccui.application.workspace.terminal.port.out.TerminalSpec;
import dev.ccui.domain.apikey.ApiKeyScope;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.user.Capability;
import dev.ccui.domain.user.UserId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open terminals of this node. A terminal belongs to the user who opened it (and the sign-in
 * session they opened it from); it outlives a dropped connection for the grace period, keeping
 * its output in a bounded scrollback that a reattaching connection replays from its last seq.
 * It ends when its program exits, when the grace period runs out, when that session signs out or
 * the account is cut off, and on shutdown — always with its whole process group.
 */
public final class TerminalService implements TerminalUseCase, SessionsEndedListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalService.class);

    private final ProjectAccess access;
    private final TerminalSpawner spawner;
    private final Auditor auditor;
    private final ResumableSessions sessions;
    private final TerminalSettings settings;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ccui-terminal-grace").daemon().factory());
    private final Map<String, Terminal> terminals = new ConcurrentHashMap<>();
    private final Object openLock = new Object();
    private static final Duration DRAIN_RETRY_AFTER = Duration.ofSeconds(2);

    private volatile boolean closed;
    private volatile boolean draining;

    public TerminalService(
            ProjectRepository projects, TerminalSpawner spawner, Auditor auditor, TerminalSettings settings) {
        this(new ProjectAccess(projects), spawner, auditor, settings);
    }

    public TerminalService(ProjectAccess access, TerminalSpawner spawner, Auditor auditor, TerminalSettings settings) {
        this(access, spawner, auditor, settings, session -> Optional.empty());
    }

    public TerminalService(
            ProjectRepository projects,
            TerminalSpawner spawner,
            Auditor auditor,
            TerminalSettings settings,
            ResumableSessions sessions) {
        this(new ProjectAccess(projects), spawner, auditor, settings, sessions);
    }

    /** {@code sessions}: which project a session to resume belongs to, and how its archived transcript is written back. */
    public TerminalService(
            ProjectAccess access,
            TerminalSpawner spawner,
            Auditor auditor,
            TerminalSettings settings,
            ResumableSessions sessions) {
        this.sessions = sessions;
        this.access = access;
        this.spawner = spawner;
        this.auditor = auditor;
        this.settings = settings;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public void checkAllowed(Principal caller, ProjectId projectId) {
        allowed(caller, projectId);
    }

    private Project allowed(Principal caller, ProjectId projectId) {
        if (!settings.enabled()) {
            throw new ForbiddenException("TERMINAL_DISABLED", "the web shell is switched off on this server");
        }
        if (caller.method() == AuthMethod.API_KEY && !caller.scopes().contains(ApiKeyScope.TERMINAL)) {
            throw new ForbiddenException("SCOPE_REQUIRED", "this API key does not have the terminal scope");
        }
        if (!caller.has(Capability.TERMINAL)) {
            auditor.record(
                    AuditAction.CAPABILITY_REFUSED,
                    caller,
                    projectId.toString(),
                    ClientInfo.INTERNAL,
                    false,
                    "terminal");
            throw new ForbiddenException(
                    "CAPABILITY_REQUIRED",
                    "your account may not use the web shell: an admin can give it the terminal capability");
        }
        return access.requireWorkspace(caller, projectId);
    }

    /** Draining: no new terminals from now on; open ones carry on until the node stops. */
    public void stopTaking() {
        draining = true;
    }

    @Override
    public void requireTakingNew(String terminalId) {
        if (draining && (terminalId == null || !terminals.containsKey(terminalId))) {
            throw new UnavailableException(
                    "DRAINING", "this node is shutting down and opens no new terminals: try again", DRAIN_RETRY_AFTER);
        }
    }

    @Override
    public TerminalAttachment open(
            Principal caller, ProjectId projectId, OpenTerminalCommand command, TerminalSink sink, ClientInfo client) {
        Project project = allowed(caller, projectId);
        if (command.resumeSessionId() != null
                && !sessions.projectOf(command.resumeSessionId())
                        .map(project.id()::equals)
                        .orElse(false)) {
            // Only a session recorded in this very project: another project's transcript is not the caller's to resume.
            throw new NotFoundException("UNKNOWN_SESSION", "no such session in this project");
        }
        List<String> program = command.resumeSessionId() == null
                ? List.of()
                : settings.resumeCommand(command.resumeSessionId().value());
        if (command.resumeSessionId() != null && settings.enabled()) {
            sessions.prepareResume(command.resumeSessionId());
        }
        Terminal terminal;
        synchronized (openLock) {
            if (closed) {
                throw new UnavailableException("the server is shutting down");
            }
            requireTakingNew(null);
            if (command.terminalId() != null && terminals.containsKey(command.terminalId())) {
                throw new ConflictException("TERMINAL_EXISTS", "a terminal with this id is open: attach to it");
            }
            long mine = terminals.values().stream()
                    .filter(t -> t.owner.equals(caller.userId()))
                    .count();
            if (mine >= settings.perUser()) {
                throw new ConflictException("TERMINAL_LIMIT", "you have " + mine + " terminals open: close one first");
            }
            if (terminals.size() >= settings.global()) {
                throw new ConflictException("TERMINAL_LIMIT", "the server has as many terminals open as it allows");
            }
            terminal = new Terminal(
                    command.terminalId() != null
                            ? command.terminalId()
                            : UUID.randomUUID().toString(),
                    caller.userId(),
                    caller.tokenId(),
                    project.id(),
                    sink);
            terminals.put(terminal.id, terminal);
        }
        TerminalAttachment attachment = terminal.firstAttachment();
        try {
            terminal.started(spawner.spawn(
                    new TerminalSpec(Path.of(project.path()), program, command.cols(), command.rows(), caller.userId()),
                    terminal));
        } catch (RuntimeException e) {
            terminals.remove(terminal.id);
            throw e;
        }
        auditor.record(
                AuditAction.TERMINAL_OPENED,
                caller,
                project.path(),
                client,
                true,
                command.resumeSessionId() == null ? "shell" : "claude --resume " + command.resumeSessionId());
        return attachment;
    }

    @Override
    public TerminalAttachment attach(
            Principal caller, ProjectId projectId, String terminalId, long afterSeq, TerminalSink sink) {
        Project project = allowed(caller, projectId);
        Terminal terminal = terminalId == null ? null : terminals.get(terminalId);
        if (terminal == null || !terminal.projectId.equals(project.id()) || !terminal.owner.equals(caller.userId())) {
            throw new NotFoundException("NO_SUCH_TERMINAL", "no such terminal: it ended, or it is not yours");
        }
        return terminal.attach(sink, Math.max(0, afterSeq));
    }

    @Override
    public int openCount() {
        return terminals.size();
    }

    @Override
    public void sessionEnded(UserId user, String tokenId) {
        terminals.values().stream()
                .filter(t -> t.owner.equals(user) && tokenId != null && tokenId.equals(t.tokenId))
                .forEach(t -> end(t, "signed out"));
    }

    @Override
    public void sessionsEnded(UserId user, String keepTokenId) {
        terminals.values().stream()
                .filter(t -> t.owner.equals(user)
                        && (keepTokenId == null || (t.tokenId != null && !t.tokenId.equals(keepTokenId))))
                .forEach(t -> end(t, "signed out"));
    }

    /** Ends every terminal (shutdown). */
    @Override
    public void close() {
        synchronized (openLock) {
            closed = true;
        }
        terminals.values().forEach(t -> end(t, "server shutting down"));
        timers.shutdownNow();
    }

    private void end(Terminal terminal, String reason) {
        if (terminals.remove(terminal.id, terminal)) {
            LOG.info("terminal {} ended: {}", terminal.id, reason);
            terminal.ended(reason);
        }
    }

    /** One terminal; its monitor guards the scrollback, the attached sink and the grace timer. */
    private final class Terminal implements TerminalOutput {
        final String id;
        final UserId owner;
        final String tokenId;
        final ProjectId projectId;
        private final Scrollback scrollback = new Scrollback(settings.scrollbackBytes());
        private volatile TerminalProcess process;
        private TerminalSink sink;
        private Attachment attachment;
        private ScheduledFuture<?> expiry;
        private boolean exited;
        private int exitCode;

        Terminal(String id, UserId owner, String tokenId, ProjectId projectId, TerminalSink sink) {
            this.id = id;
            this.owner = owner;
            this.tokenId = tokenId;
            this.projectId = projectId;
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        synchronized TerminalAttachment firstAttachment() {
            attachment = new Attachment(this);
            return attachment;
        }

        void started(TerminalProcess started) {
            this.process = started;
            if (!terminals.containsKey(id)) {
                // Ended (shutdown, sign-out) while it was starting.
                started.kill();
            }
        }

        @Override
        public synchronized void output(String data) {
            long seq = scrollback.append(data);
            if (sink != null) {
                sink.output(seq, data);
            }
        }

        @Override
        public void exited(int code) {
            boolean delivered;
            synchronized (this) {
                exited = true;
                exitCode = code;
                delivered = sink != null;
                if (delivered) {
                    sink.exited(code);
                    sink = null;
                    attachment = null;
                }
            }
            if (delivered) {
                terminals.remove(id, this);
            }
            // Otherwise the grace timer forgets it; a reattach within the grace still learns the exit code.
        }

        synchronized TerminalAttachment attach(TerminalSink newSink, long afterSeq) {
            if (expiry != null) {
                expiry.cancel(false);
                expiry = null;
            }
            if (sink != null) {
                sink.detached("attached from another connection");
            }
            for (Scrollback.Chunk chunk : scrollback.after(afterSeq)) {
                newSink.output(chunk.seq(), chunk.data());
            }
            if (exited) {
                newSink.exited(exitCode);
                terminals.remove(id, this);
                sink = null;
                attachment = null;
                return new Attachment(this);
            }
            sink = newSink;
            attachment = new Attachment(this);
            return attachment;
        }

        synchronized void detach(Attachment from) {
            if (attachment != from) {
                return;
            }
            sink = null;
            attachment = null;
            expiry = timers.schedule(
                    () -> TerminalService.this.end(this, "no connection for " + settings.grace()),
                    settings.grace().toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        synchronized boolean attached(Attachment candidate) {
            return attachment == candidate;
        }

        void ended(String reason) {
            synchronized (this) {
                if (expiry != null) {
                    expiry.cancel(false);
                    expiry = null;
                }
                if (sink != null) {
                    sink.detached(reason);
                    sink = null;
                }
                attachment = null;
            }
            TerminalProcess running = process;
            if (running != null) {
                running.kill();
            }
        }

        void kill() {
            TerminalProcess running = process;
            if (running != null) {
                running.kill();
            } else {
                TerminalService.this.end(this, "closed");
            }
        }
    }

    private static final class Attachment implements TerminalAttachment {
        private final Terminal terminal;

        Attachment(Terminal terminal) {
            this.terminal = terminal;
        }

        @Override
        public String terminalId() {
            return terminal.id;
        }

        @Override
        public void input(String data) {
            TerminalProcess process = terminal.process;
            if (process != null && terminal.attached(this)) {
                process.write(data);
            }
        }

        @Override
        public void resize(int cols, int rows) {
            TerminalProcess process = terminal.process;
            if (process != null && terminal.attached(this) && cols > 0 && rows > 0 && cols <= 1000 && rows <= 1000) {
                process.resize(cols, rows);
            }
        }

        @Override
        public void detach() {
            terminal.detach(this);
        }

        @Override
        public void kill() {
            if (terminal.attached(this)) {
                terminal.kill();
            }
        }
    }
}
