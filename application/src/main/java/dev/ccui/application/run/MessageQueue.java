package dev.ccui.application.run;

import dev.ccui.application.audit.Auditor;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.run.port.in.QueuedMessageEdit;
import dev.ccui.application.run.port.in.SendOutcome;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.application.run.port.out.QueuedMessages;
import dev.ccui.application.run.port.out.RunRepository;
import dev.ccui.application.user.port.out.UserRepository;
import dev.ccui.domain.audit.AuditAction;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.ConflictException;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.error.UnavailableException;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.run.QueuedMessage;
import dev.ccui.domain.run.QueuedMessageId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.User;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions' queues of waiting messages: what is queued when, and how the head of a queue
 * becomes the session's next run once its turn ended ({@link #drain}). Every change is a
 * {@code queue_changed} event in the session's log, so every watcher on every node sees it.
 *
 * <p>One lock for all queues: deciding "queue or start" and "send the head" read the same state
 * (the session's active run, its queue), and they take admission's lock after this one, never
 * the other way round.
 */
final class MessageQueue {
    private static final Logger LOG = LoggerFactory.getLogger(MessageQueue.class);
    /** Enough for a person typing ahead; a script flooding a session is told so. */
    static final int MAX_WAITING = 20;

    private final QueuedMessages store;
    private final RunRepository runs;
    private final UserRepository users;
    private final RunAccess access;
    private final RunAdmission admission;
    private final LiveSessions sessions;
    private final RunEventPublisher events;
    private final Auditor auditor;
    private final Clock clock;
    private final Consumer<Run> stopTurn;

    MessageQueue(
            QueuedMessages store,
            RunRepository runs,
            UserRepository users,
            RunAccess access,
            RunAdmission admission,
            LiveSessions sessions,
            RunEventPublisher events,
            Auditor auditor,
            Clock clock,
            Consumer<Run> stopTurn) {
        this.store = store;
        this.runs = runs;
        this.users = users;
        this.access = access;
        this.admission = admission;
        this.sessions = sessions;
        this.events = events;
        this.auditor = auditor;
        this.clock = clock;
        this.stopTurn = stopTurn;
    }

    SendOutcome sendOrQueue(Principal caller, Project project, StartRunCommand command, ClientInfo client) {
        SessionId sessionId = command.sessionId();
        if (sessionId == null) {
            return new SendOutcome.Started(admission.admit(caller, project, command, client));
        }
        synchronized (this) {
            Optional<Run> sent = runs.findByClientMessageId(caller.userId(), command.clientMessageId());
            if (sent.isPresent()) {
                return new SendOutcome.Started(
                        new StartedRun(sent.get().id(), sent.get().sessionId()));
            }
            Optional<QueuedMessage> known = store.findByClientMessageId(caller.userId(), command.clientMessageId());
            if (known.isPresent()) {
                return new SendOutcome.Queued(known.get(), false);
            }
            List<QueuedMessage> waiting = store.ofSession(sessionId);
            if (waiting.isEmpty() && !sessions.hasActiveRun(sessionId)) {
                try {
                    return new SendOutcome.Started(admission.admit(caller, project, command, client));
                } catch (ConflictException busy) {
                    if (!"RUN_ACTIVE".equals(busy.code())) {
                        throw busy;
                    }
                    // The session's turn runs on another node: the message waits for its end there.
                }
            }
            Project owner = access.requireSession(caller, sessionId);
            if (!owner.id().equals(project.id())) {
                throw new NotFoundException("no such session in this project");
            }
            if (waiting.size() >= MAX_WAITING) {
                throw new ConflictException(
                        "QUEUE_FULL", "at most " + MAX_WAITING + " messages may wait in a session's queue");
            }
            QueuedMessage queued = store.append(new QueuedMessage(
                            QueuedMessageId.random(),
                            sessionId,
                            project.id(),
                            caller.userId(),
                            caller.username().value(),
                            0,
                            command.prompt(),
                            command.attachments(),
                            command.model(),
                            command.effort(),
                            command.permissionMode(),
                            command.clientMessageId(),
                            clock.instant(),
                            clock.instant()))
                    .orElseThrow(() -> new ConflictException(
                            "QUEUE_CONFLICT", "this client message id was queued at the same moment; retry"));
            auditor.record(
                    AuditAction.QUEUE_CHANGED, caller, queued.id().toString(), client, true, "queued in " + sessionId);
            changed(sessionId, "queued", queued, null, null);
            // Left from before a restart, the queue has no turn to wait for: it goes now.
            drain(sessionId);
            return new SendOutcome.Queued(queued, false);
        }
    }

    List<QueuedMessage> queued(Principal caller, SessionId sessionId) {
        access.requireSession(caller, sessionId);
        return store.ofSession(sessionId);
    }

    synchronized QueuedMessage edit(
            Principal caller, SessionId sessionId, QueuedMessageId id, QueuedMessageEdit edit, ClientInfo client) {
        QueuedMessage message = waiting(caller, sessionId, id);
        if (edit.permissionMode() != null) {
            access.requireMode(caller, edit.permissionMode(), client);
        }
        QueuedMessage edited = edit.applyTo(message, clock.instant());
        if (!store.update(edited)) {
            throw gone();
        }
        auditor.record(AuditAction.QUEUE_CHANGED, caller, id.toString(), client, true, "edited in " + sessionId);
        changed(sessionId, "edited", edited, null, null);
        return edited;
    }

    synchronized void remove(Principal caller, SessionId sessionId, QueuedMessageId id, ClientInfo client) {
        QueuedMessage message = waiting(caller, sessionId, id);
        if (!store.remove(id)) {
            throw gone();
        }
        auditor.record(AuditAction.QUEUE_CHANGED, caller, id.toString(), client, true, "removed from " + sessionId);
        changed(sessionId, "removed", message, null, null);
    }

    /**
     * First in line, then the session's running turn is stopped wherever it runs (this node or
     * another: the database knows the session's active run): its end sends this message ({@link #drain}).
     */
    SendOutcome sendNow(Principal caller, SessionId sessionId, QueuedMessageId id, ClientInfo client) {
        Run running;
        QueuedMessage moved;
        synchronized (this) {
            QueuedMessage message = waiting(caller, sessionId, id);
            if (!store.moveToFront(id)) {
                throw gone();
            }
            auditor.record(AuditAction.QUEUE_CHANGED, caller, id.toString(), client, true, "send now in " + sessionId);
            changed(sessionId, "moved", message, null, null);
            moved = store.find(id).orElse(message);
            running = runs.activeOfSession(sessionId).orElse(null);
            if (running == null) {
                Optional<RunId> started = drain(sessionId);
                return started.<SendOutcome>map(run -> new SendOutcome.Started(new StartedRun(run, sessionId)))
                        .orElseGet(() -> new SendOutcome.Queued(moved, false));
            }
        }
        // Outside the queue's lock: stopping a turn on another node waits for its answer, and the
        // stopped turn's end drains the queue on its own thread.
        auditor.record(
                AuditAction.RUN_STOPPED, caller, running.id().toString(), client, true, "interrupted to send now");
        try {
            stopTurn.accept(running);
        } catch (ConflictException ended) {
            // The turn ended meanwhile: its end sends the queue, this message first.
        }
        return new SendOutcome.Queued(moved, true);
    }

    /**
     * Sends the session's first waiting message as its author when no turn runs: the author must
     * still be an enabled account that may use the project (and the message's mode); a message
     * that cannot go is dropped, said on the stream, and the next one is tried.
     *
     * @return the run started, if one was
     */
    synchronized Optional<RunId> drain(SessionId sessionId) {
        if (sessions.hasActiveRun(sessionId)) {
            return Optional.empty();
        }
        for (QueuedMessage head : store.ofSession(sessionId)) {
            StartedRun started;
            try {
                Principal author = author(head);
                Project project = access.requireWorkspace(author, head.projectId());
                access.requireMode(author, head.permissionMode(), null);
                started = admission.admit(author, project, command(head), null);
            } catch (ConflictException busy) {
                if ("RUN_ACTIVE".equals(busy.code())) {
                    // Another prompt got there first: its end drains the queue again.
                    return Optional.empty();
                }
                drop(head, busy);
                continue;
            } catch (UnavailableException stopping) {
                // The app is stopping: the message waits for the next start.
                return Optional.empty();
            } catch (CcuiException refused) {
                drop(head, refused);
                continue;
            }
            store.remove(head.id());
            changed(sessionId, "sent", head, started.runId(), null);
            return Optional.of(started.runId());
        }
        return Optional.empty();
    }

    private void drop(QueuedMessage head, CcuiException why) {
        LOG.info("queued message {} of session {} dropped: {}", head.id(), head.sessionId(), why.getMessage());
        store.remove(head.id());
        auditor.record(
                AuditAction.QUEUE_CHANGED,
                head.authorId(),
                head.authorName(),
                head.id().toString(),
                null,
                false,
                "dropped: " + why.getMessage());
        changed(head.sessionId(), "dropped", head, null, why.getMessage());
    }

    /** The author as the account is now, not as it was when the message was queued. */
    private Principal author(QueuedMessage message) {
        User user = users.findById(message.authorId())
                .filter(found -> !found.disabled())
                .orElseThrow(() -> new ForbiddenException("the message's author can no longer send"));
        return new Principal(
                user.id(), user.username(), user.role(), AuthMethod.BEARER, null, null, Set.of(), user.capabilities());
    }

    private static StartRunCommand command(QueuedMessage message) {
        return new StartRunCommand(
                message.projectId(),
                message.sessionId(),
                message.prompt(),
                message.attachments(),
                message.model(),
                message.permissionMode(),
                List.of(),
                message.clientMessageId(),
                message.effort(),
                null);
    }

    private QueuedMessage waiting(Principal caller, SessionId sessionId, QueuedMessageId id) {
        access.requireSession(caller, sessionId);
        return store.find(id)
                .filter(message -> message.sessionId().equals(sessionId))
                .orElseThrow(MessageQueue::gone);
    }

    private static NotFoundException gone() {
        return new NotFoundException("no such waiting message: it was sent or removed");
    }

    /** The whole queue after a change, on the session's stream (as the session's latest run's event). */
    private void changed(SessionId sessionId, String change, QueuedMessage message, RunId runId, String reason) {
        RunId owner = runId != null
                ? runId
                : Optional.ofNullable(sessions.activeRunId(sessionId))
                        .or(() -> runs.latestOfSession(sessionId).map(Run::id))
                        .orElse(null);
        if (owner == null) {
            return;
        }
        List<RunEvent.QueueEntry> items =
                store.ofSession(sessionId).stream().map(QueuedMessage::entry).toList();
        try {
            events.append(
                    sessionId,
                    owner,
                    new RunEvent.QueueChanged(
                            change, message.entry(), runId == null ? null : runId.toString(), reason, items));
        } catch (RuntimeException e) {
            LOG.error("could not store a queue_changed event of session {}", sessionId, e);
        }
    }
}
