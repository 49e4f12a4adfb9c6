package dev.ccui.adapters.http.ws;

import dev.ccui.adapters.http.json.Json;
import dev.ccui.application.events.AppEvent;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.domain.auth.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws}: the browser's live channel, authenticated before the upgrade by
 * {@link WsAuthentication}.
 */
public final class WsEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(WsEndpoint.class);
    private static final String PRINCIPAL = "ccui.ws.principal";

    private final WsAuthentication authentication;
    private final ChangeFeedUseCase changes;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    public WsEndpoint(WsAuthentication authentication, ChangeFeedUseCase changes) {
        this.authentication = authentication;
        this.changes = changes;
    }

    private record Connection(WsContext ctx, Principal principal, AutoCloseable feed) {
    }

    public void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade("/ws", this::authenticate);
        routes.ws("/ws", ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(ctx -> received(ctx, ctx.message()));
            ws.onClose(ctx -> closed(ctx.sessionId()));
            ws.onError(ctx -> closed(ctx.sessionId()));
        });
    }

    public int openConnections() {
        return connections.size();
    }

    private void authenticate(Context ctx) {
        ctx.attribute(PRINCIPAL, authentication.authenticate(ctx));
    }

    private void connected(WsContext ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            ctx.closeSession(4401, "unauthenticated");
            return;
        }
        ctx.enableAutomaticPings(25, TimeUnit.SECONDS);
        AutoCloseable feed = changes.follow(principal, event -> deliver(ctx, event));
        connections.put(ctx.sessionId(), new Connection(ctx, principal, feed));
    }

    private void deliver(WsContext ctx, AppEvent event) {
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
        }
        send(ctx, frame);
    }

    private void received(WsContext ctx, String text) {
        Map<?, ?> message;
        try {
            message = Json.MAPPER.readValue(text, Map.class);
        } catch (Exception e) {
            send(ctx, error("INVALID", "frames must be JSON objects with a type", null));
            return;
        }
        Object type = message.get("type");
        if ("ping".equals(type)) {
            send(ctx, Map.of("type", "pong"));
        } else {
            Object clientMessageId = message.get("clientMessageId");
            send(ctx, error("UNSUPPORTED", "unknown or unavailable message type: " + Optional.ofNullable(type).orElse("none"),
                    clientMessageId == null ? null : clientMessageId.toString()));
        }
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

    private void send(WsContext ctx, Object frame) {
        try {
            ctx.send(Json.MAPPER.writeValueAsString(frame));
        } catch (Exception e) {
            LOG.debug("dropping a WebSocket that cannot be written to", e);
            closed(ctx.sessionId());
        }
    }

    private void closed(String sessionId) {
        Connection connection = connections.remove(sessionId);
        if (connection != null) {
            try {
                connection.feed().close();
            } catch (Exception e) {
                LOG.debug("closing a change feed failed", e);
            }
        }
    }
}
