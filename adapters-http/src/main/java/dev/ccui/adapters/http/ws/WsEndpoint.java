package dev.ccui.adapters.http.ws;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.run.RunViews;
import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.application.events.AppEvent;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.application.maintenance.port.in.MaintenanceUseCase;
import dev.ccui.application.run.port.in.EventSubscription;
import dev.ccui.application.run.port.in.RunUseCase;
import dev.ccui.application.run.port.in.StartRunCommand;
import dev.ccui.application.run.port.in.StartedRun;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.CcuiException;
import dev.ccui.domain.error.InvalidException;
import dev.ccui.domain.error.NotFoundException;
import dev.ccui.domain.run.LoggedRunEvent;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.session.SessionId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws}: the browser's live channel, authenticated before the upgrade by
 * {@link WsAuthentication}. Every socket has a bounded outbound queue written by its own
 * (virtual) thread: a client that cannot keep up is dropped, never the server; it resubscribes
 * with its last seq and catches up from the log.
 */
public final class WsEndpoint implements RouteGroup {
    private static final Logger LOG = LoggerFactory.getLogger(WsEndpoint.class);
    private static final String PRINCIPAL = "ccui.ws.principal";
    private static final String CLIENT = "ccui.ws.client";
    /** Frames waiting for a slow client before it is dropped (a replayed gap counts too). */
    public static final int OUTBOUND_LIMIT = 10_000;
    private static final String STOP = "\u0000stop";

    /**
     * The largest frame the documented payloads need: a {@code send} with the longest prompt and
     * 10 images of 5 MiB, base64-encoded, plus room for the JSON around them.
     */
    public static final int MAX_MESSAGE_CHARS = StartRunCommand.MAX_IMAGES * (StartRunCommand.MAX_IMAGE_BYTES / 3 * 4 + 8)
            + StartRunCommand.MAX_PROMPT_CHARS * 6 + 64 * 1024;

    private final WsAuthentication authentication;
    private final ChangeFeedUseCase changes;
    private final RunUseCase runs;
    private final MaintenanceUseCase maintenance;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    public WsEndpoint(WsAuthentication authentication, ChangeFeedUseCase changes, RunUseCase runs,
                      MaintenanceUseCase maintenance) {
        this.authentication = authentication;
        this.changes = changes;
        this.runs = runs;
        this.maintenance = maintenance;
    }

    /** One socket: its caller, its subscriptions and its outbound queue. */
    private final class Connection {
        final WsContext ctx;
        final Principal principal;
        final ClientInfo client;
        final Map<SessionId, EventSubscription> subscriptions = new ConcurrentHashMap<>();
        // Bounded, but allocated as it fills: an idle socket must cost little memory.
        final BlockingQueue<String> outbound = new LinkedBlockingQueue<>(OUTBOUND_LIMIT + 1);
        volatile AutoCloseable feed;
        volatile boolean closed;

        Connection(WsContext ctx, Principal principal, ClientInfo client) {
            this.ctx = ctx;
            this.principal = principal;
            this.client = client;
        }

        void enqueue(Object frame) {
            if (closed) {
                return;
            }
            String text;
            try {
                text = Json.MAPPER.writeValueAsString(frame);
            } catch (Exception e) {
                LOG.warn("a WebSocket frame could not be written as JSON", e);
                return;
            }
            if (outbound.size() >= OUTBOUND_LIMIT || !outbound.offer(text)) {
                LOG.info("dropping WebSocket {} of {}: more than {} frames behind", ctx.sessionId(),
                        principal.username().value(), OUTBOUND_LIMIT);
                closed(ctx.sessionId());
                try {
                    ctx.closeSession(4408, "too slow: resubscribe with your last seq");
                } catch (RuntimeException e) {
                    LOG.debug("closing a slow WebSocket failed", e);
                }
            }
        }

        void write() {
            try {
                while (true) {
                    String text = outbound.take();
                    if (closed || STOP.equals(text)) {
                        return;
                    }
                    ctx.send(text);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.debug("dropping a WebSocket that cannot be written to", e);
                closed(ctx.sessionId());
            }
        }
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade("/ws", this::authenticate);
        routes.ws("/ws", ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(ctx -> received(ctx, ctx.message()));
            ws.onClose(ctx -> {
                authentication.release(ctx.sessionId());
                closed(ctx.sessionId());
            });
            ws.onError(ctx -> {
                authentication.release(ctx.sessionId());
                closed(ctx.sessionId());
            });
        });
    }

    @Override
    public int openSockets() {
        return connections.size();
    }

    private void authenticate(Context ctx) {
        ctx.attribute(PRINCIPAL, authentication.authenticate(ctx));
        ctx.attribute(CLIENT, Authentication.client(ctx));
    }

    private void connected(WsContext ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            ctx.closeSession(4401, "unauthenticated");
            return;
        }
        if (!authentication.admit(ctx, principal)) {
            return;
        }
        ctx.enableAutomaticPings(25, TimeUnit.SECONDS);
        Connection connection = new Connection(ctx, principal, ctx.attribute(CLIENT));
        connections.put(ctx.sessionId(), connection);
        Thread.ofVirtual().name("ccui-ws-writer").start(connection::write);
        connection.feed = changes.follow(principal, event -> deliver(connection, event));
        if (!authentication.stillValid(principal)) {
            // Revoked between the upgrade and now: the event came before we listened.
            ctx.closeSession(4401, "signed out or access revoked");
        }
    }

    private void deliver(Connection connection, AppEvent event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        switch (event) {
            case AppEvent.ProjectsChanged changed -> {
                frame.put("type", "projects_changed");
                frame.put("projectIds", changed.projectIds().stream().map(Object::toString).sorted().toList());
            }
            case AppEvent.IndexStatus status -> {
                frame.put("type", "status");
                frame.put("source", "index");
                frame.put("index", status.progress());
            }
            // Run events come through the connection's subscriptions, access checked.
            case AppEvent.RunEventLogged ignored -> {
                return;
            }
            case AppEvent.AccessRevoked revoked -> {
                // Signed out, key revoked, disabled (4401), or fewer rights (4403): reconnect to learn which.
                connection.ctx.closeSession(revoked.downgrade() ? 4403 : 4401,
                        revoked.downgrade() ? "access changed: reconnect" : "signed out or access revoked");
                return;
            }
        }
        connection.enqueue(frame);
    }

    private void received(WsContext ctx, String text) {
        Connection connection = connections.get(ctx.sessionId());
        if (connection == null) {
            return;
        }
        if (text.length() > MAX_MESSAGE_CHARS) {
            // Larger than any documented frame (a send with 10 images of 5 MiB): said, not a dropped socket.
            connection.enqueue(error("FRAME_TOO_LARGE", "a frame may have at most " + MAX_MESSAGE_CHARS
                    + " characters (10 images of 5 MiB and a prompt)", null));
            return;
        }
        Map<?, ?> message;
        try {
            message = Json.MAPPER.readValue(text, Map.class);
        } catch (Exception e) {
            connection.enqueue(error("INVALID", "frames must be JSON objects with a type", null));
            return;
        }
        if (message == null) {
            connection.enqueue(error("INVALID", "frames must be JSON objects with a type", null));
            return;
        }
        Object type = message.get("type");
        String clientMessageId = message.get("clientMessageId") == null ? null : message.get("clientMessageId").toString();
        try {
            switch (String.valueOf(type)) {
                case "ping" -> connection.enqueue(Map.of("type", "pong"));
                case "subscribe" -> subscribe(connection, message);
                case "unsubscribe" -> unsubscribe(connection, sessionId(message));
                case "send" -> send(connection, message, clientMessageId);
                case "interrupt" -> runs.interrupt(connection.principal, runId(message), connection.client);
                case "permission" -> {
                    var body = Json.MAPPER.convertValue(message, RunViews.DecisionBody.class);
                    runs.decide(connection.principal, runId(message), text(message, "requestId"),
                            body.answer(), connection.client);
                }
                default -> connection.enqueue(error("UNSUPPORTED", "unknown or unavailable message type: "
                        + Optional.ofNullable(type).orElse("none"), clientMessageId));
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
        EventSubscription subscription = runs.subscribe(connection.principal, sessionId, afterSeq,
                event -> connection.enqueue(eventFrame(event)));
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
        StartedRun started = runs.start(connection.principal, body.command(), connection.client);
        Map<String, Object> accepted = new LinkedHashMap<>();
        accepted.put("type", "accepted");
        accepted.put("clientMessageId", clientMessageId);
        accepted.put("runId", started.runId().toString());
        accepted.put("sessionId", started.sessionId().value());
        connection.enqueue(accepted);
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
        return SessionId.parse(text(message, "sessionId")).orElseThrow(() -> new InvalidException("sessionId", "not a session id"));
    }

    private static RunId runId(Map<?, ?> message) {
        return RunId.parse(text(message, "runId")).orElseThrow(() -> new NotFoundException("no such run"));
    }

    private static Map<String, Object> error(String code, String message, String clientMessageId) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", "error");
        frame.put("code", code);
        frame.put("message", message);
        if (clientMessageId != null) {
            frame.put("clientMessageId", clientMessageId);
        }
        return frame;
    }

    private void closed(String sessionId) {
        Connection connection = connections.remove(sessionId);
        if (connection == null) {
            return;
        }
        connection.closed = true;
        connection.outbound.clear();
        connection.outbound.offer(STOP);
        connection.subscriptions.values().forEach(EventSubscription::close);
        connection.subscriptions.clear();
        try {
            AutoCloseable feed = connection.feed;
            if (feed != null) {
                feed.close();
            }
        } catch (Exception e) {
            LOG.debug("closing a change feed failed", e);
        }
    }
}
