package dev.ccui.adapters.http.ws;

import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.run.RunViews;
import dev.ccui.adapters.http.run.SendLimits;
import dev.ccui.adapters.http.ws.socket.ClientFrames;
import dev.ccui.adapters.http.ws.socket.JsonSocket;
import dev.ccui.adapters.http.ws.socket.SlowReaderPolicy;
import dev.ccui.adapters.http.ws.socket.SocketEndpoint;
import dev.ccui.adapters.http.ws.socket.SocketProtocol;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.run.port.in.EventSubscription;
import dev.ccui.application.run.port.in.MessageQueueUseCase;
import dev.ccui.application.run.port.in.RunUseCase;
import dev.ccui.application.run.port.in.SendOutcome;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.events.AppEvent;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.QueuedMessageId;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /ws}: the browser's live channel, authenticated before the upgrade by
 * {@link WsAuthentication}; the socket plumbing (queue, writer, pings, revocation) is the
 * {@link SocketEndpoint}'s. A client that cannot keep up is dropped with 4408, never the server;
 * it resubscribes with its last seq and catches up from the log.
 */
public final class WsEndpoint extends SocketEndpoint {
    /** Frames waiting for a slow client before it is dropped (a replayed gap counts too). */
    public static final int OUTBOUND_LIMIT = 10_000;

    private static final SlowReaderPolicy SLOW_READER =
            new SlowReaderPolicy(OUTBOUND_LIMIT, 4408, "too slow: resubscribe with your last seq");

    /** The largest frame the documented payloads need: a {@code send} as large as a {@code POST /api/runs} body may be. */
    public static final int MAX_MESSAGE_CHARS = SendLimits.MAX_CHARS;

    /** The socket's own limit: a frame a little over {@link #MAX_MESSAGE_CHARS} still gets a clear error frame. */
    public static final int SOCKET_MESSAGE_CHARS = MAX_MESSAGE_CHARS + 1024 * 1024;

    private final WsAuthentication authentication;
    private final RunUseCase runs;
    private final MessageQueueUseCase queue;
    private final MaintenanceUseCase maintenance;

    public WsEndpoint(
            WsAuthentication authentication,
            ChangeFeedUseCase changes,
            RunUseCase runs,
            MessageQueueUseCase queue,
            MaintenanceUseCase maintenance) {
        super("/ws", authentication, changes, SLOW_READER, SOCKET_MESSAGE_CHARS);
        this.authentication = authentication;
        this.runs = runs;
        this.queue = queue;
        this.maintenance = maintenance;
    }

    @Override
    protected Principal authorize(Context ctx) {
        return authentication.authenticate(ctx);
    }

    @Override
    protected SocketProtocol open(JsonSocket socket) {
        return new Connection(socket);
    }

    /** One socket: its caller and its subscriptions. */
    private final class Connection implements SocketProtocol {
        final JsonSocket socket;
        final Principal principal;
        final ClientInfo client;
        final Map<SessionId, EventSubscription> subscriptions = new ConcurrentHashMap<>();

        Connection(JsonSocket socket) {
            this.socket = socket;
            this.principal = socket.principal();
            this.client = socket.client();
        }

        void enqueue(Map<String, ?> frame) {
            socket.send(frame);
        }

        @Override
        public void received(String text) {
            WsEndpoint.this.received(this, text);
        }

        @Override
        public void changed(AppEvent event) {
            deliver(this, event);
        }

        @Override
        public void closed() {
            subscriptions.values().forEach(EventSubscription::close);
            subscriptions.clear();
        }
    }

    private void deliver(Connection connection, AppEvent event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        switch (event) {
            case AppEvent.ProjectsChanged changed -> {
                frame.put("type", "projects_changed");
                frame.put(
                        "projectIds",
                        changed.projectIds().stream()
                                .map(Object::toString)
                                .sorted()
                                .toList());
            }
            case AppEvent.IndexStatus status -> {
                frame.put("type", "status");
                frame.put("source", "index");
                frame.put("index", status.progress());
            }
            // Run events come through the connection's subscriptions, access checked; revocations
            // close the socket before they get here.
            case AppEvent.RunEventLogged ignored -> {
                return;
            }
            case AppEvent.AccessRevoked ignored -> {
                return;
            }
        }
        connection.enqueue(frame);
    }

    private void received(Connection connection, String text) {
        if (text.length() > MAX_MESSAGE_CHARS) {
            // Larger than any documented frame (a send with 10 images of 5 MiB): said, not a dropped socket.
            connection.enqueue(error(
                    "FRAME_TOO_LARGE",
                    "a frame may have at most " + MAX_MESSAGE_CHARS + " characters (" + SendLimits.SIZED_FOR + ")",
                    null));
            return;
        }
        Map<?, ?> message = ClientFrames.object(text).orElse(null);
        if (message == null) {
            connection.enqueue(error("INVALID", ClientFrames.NOT_AN_OBJECT, null));
            return;
        }
        Object type = message.get("type");
        String clientMessageId = message.get("clientMessageId") == null
                ? null
                : message.get("clientMessageId").toString();
        try {
            switch (String.valueOf(type)) {
                case "ping" -> connection.enqueue(Map.of("type", "pong"));
                case "subscribe" -> subscribe(connection, message);
                case "unsubscribe" -> unsubscribe(connection, sessionId(message));
                case "send" -> send(connection, message, clientMessageId);
                case "interrupt" -> runs.interrupt(connection.principal, runId(message), connection.client);
                case "queue_edit" -> queueEdit(connection, message, clientMessageId);
                case "queue_remove" -> queueRemove(connection, message, clientMessageId);
                case "queue_send_now" -> queueSendNow(connection, message, clientMessageId);
                case "permission" -> {
                    var body = Json.MAPPER.convertValue(message, RunViews.DecisionBody.class);
                    runs.decide(
                            connection.principal,
                            runId(message),
                            text(message, "requestId"),
                            body.answer(),
                            connection.client);
                }
                default ->
                    connection.enqueue(error(
                            "UNSUPPORTED",
                            "unknown or unavailable message type: "
                                    + Optional.ofNullable(type).orElse("none"),
                            clientMessageId));
            }
        } catch (CcuiException e) {
            connection.enqueue(error(e.code(), e.getMessage(), clientMessageId));
        } catch (IllegalArgumentException e) {
            connection.enqueue(error("INVALID", "the frame does not have the documented shape", clientMessageId));
        }
    }

    private void subscribe(Connection connection, Map<?, ?> message) {
        SessionId sessionId = sessionId(message);
        Object after = message.get("afterSeq");
        long afterSeq = after instanceof Number number ? number.longValue() : 0;
        unsubscribe(connection, sessionId);
        EventSubscription subscription = runs.subscribe(
                connection.principal, sessionId, afterSeq, event -> connection.enqueue(eventFrame(event)));
        connection.subscriptions.put(sessionId, subscription);
        Map<String, Object> subscribed = new LinkedHashMap<>();
        subscribed.put("type", "subscribed");
        subscribed.put("sessionId", sessionId.value());
        subscribed.put("lastSeq", subscription.lastSeq());
        subscription.activeRunId().ifPresent(id -> subscribed.put("activeRunId", id.toString()));
        if (subscription.activeRunFirstSeq() > 0) {
            subscribed.put("activeRunFirstSeq", subscription.activeRunFirstSeq());
        }
        connection.enqueue(subscribed);
        subscription.replay();
    }

    private static void unsubscribe(Connection connection, SessionId sessionId) {
        EventSubscription previous = connection.subscriptions.remove(sessionId);
        if (previous != null) {
            previous.close();
        }
    }

    private void send(Connection connection, Map<?, ?> message, String clientMessageId) {
        // Starting a run writes (events, transcripts, files): refused like POST /api/runs.
        maintenance.requireWritable();
        var body = Json.MAPPER.convertValue(message, RunViews.StartBody.class);
        if (body.queueIfBusy()) {
            answer(
                    connection,
                    queue.sendOrQueue(connection.principal, body.command(), connection.client),
                    clientMessageId);
            return;
        }
        StartedRun started = runs.start(connection.principal, body.command(), connection.client);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("type", "accepted");
        accepted.put("clientMessageId", clientMessageId);
        accepted.put("runId", started.runId().toString());
        accepted.put("sessionId", started.sessionId().value());
        connection.enqueue(accepted);
    }

    /** {@code accepted} for a prompt that became a run, {@code queued} for one that waits. */
    private static void answer(Connection connection, SendOutcome outcome, String clientMessageId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", outcome instanceof SendOutcome.Started ? "accepted" : "queued");
        frame.put("clientMessageId", clientMessageId);
        frame.putAll(RunViews.outcome(outcome));
        connection.enqueue(frame);
    }

    private void queueEdit(Connection connection, Map<?, ?> message, String clientMessageId) {
        maintenance.requireWritable();
        var body = Json.MAPPER.convertValue(message, RunViews.QueueEditBody.class);
        var edited = queue.edit(
                connection.principal, sessionId(message), messageId(message), body.edit(), connection.client);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "queue_edited");
        frame.put("clientMessageId", clientMessageId);
        frame.put("message", RunViews.queued(edited));
        connection.enqueue(frame);
    }

    private void queueRemove(Connection connection, Map<?, ?> message, String clientMessageId) {
        maintenance.requireWritable();
        SessionId sessionId = sessionId(message);
        QueuedMessageId id = messageId(message);
        queue.remove(connection.principal, sessionId, id, connection.client);
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "queue_removed");
        frame.put("clientMessageId", clientMessageId);
        frame.put("sessionId", sessionId.value());
        frame.put("messageId", id.toString());
        connection.enqueue(frame);
    }

    private void queueSendNow(Connection connection, Map<?, ?> message, String clientMessageId) {
        maintenance.requireWritable();
        answer(
                connection,
                queue.sendNow(connection.principal, sessionId(message), messageId(message), connection.client),
                clientMessageId);
    }

    /** An id that is no message's id names nothing: found after the session's access check, as over REST. */
    private static QueuedMessageId messageId(Map<?, ?> message) {
        return QueuedMessageId.parse(text(message, "messageId")).orElseGet(() -> new QueuedMessageId(new UUID(0, 0)));
    }

    private static Map<String, Object> eventFrame(LoggedRunEvent event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "event");
        frame.putAll(RunViews.logged(event));
        return frame;
    }

    private static String text(Map<?, ?> message, String field) {
        Object value = message.get(field);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidException(field, field + " is required");
        }
        return text;
    }

    private static SessionId sessionId(Map<?, ?> message) {
        return SessionId.parse(text(message, "sessionId"))
                .orElseThrow(() -> new InvalidException("sessionId", "not a session id"));
    }

    private static RunId runId(Map<?, ?> message) {
        return RunId.parse(text(message, "runId")).orElseThrow(() -> new NotFoundException("no such run"));
    }

    private static Map<String, Object> error(String code, String message, String clientMessageId) {
        return ClientFrames.error(code, message, clientMessageId);
    }
}
