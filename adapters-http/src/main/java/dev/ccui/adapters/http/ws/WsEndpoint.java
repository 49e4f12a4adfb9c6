package dev.ccui.adapters.http.ws;

import dev.ccui.adapters.http.json.Json;
import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.application.auth.port.in.WsTicketUseCase;
import dev.ccui.application.events.AppEvent;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.domain.auth.AuthMethod;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.error.ForbiddenException;
import dev.ccui.domain.error.UnauthorizedException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws}: the browser's live channel. Authenticated before the upgrade, by a one-time
 * ticket ({@code ?ticket=}), a bearer token, or the session cookie from an allowed
 * {@code Origin} (a cookie alone would let any site open it: cross-site WebSocket hijacking).
 */
public final class WsEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(WsEndpoint.class);
    private static final String PRINCIPAL = "ccui.ws.principal";

    private final WsTicketUseCase tickets;
    private final ChangeFeedUseCase changes;
    private final Set<String> allowedOrigins;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    public WsEndpoint(WsTicketUseCase tickets, ChangeFeedUseCase changes, Set<String> allowedOrigins) {
        this.tickets = tickets;
        this.changes = changes;
        this.allowedOrigins = Set.copyOf(allowedOrigins);
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
        Principal principal;
        String ticket = ctx.queryParam("ticket");
        if (ticket != null) {
            principal = tickets.redeemTicket(ticket)
                    .orElseThrow(() -> new UnauthorizedException("INVALID_TICKET", "the ticket is unknown, used or expired"));
        } else {
            principal = Authentication.principal(ctx)
                    .orElseThrow(() -> new UnauthorizedException("sign in first, or use a ticket from POST /api/auth/ws-ticket"));
            if (principal.method() == AuthMethod.COOKIE && !originAllowed(ctx)) {
                throw new ForbiddenException("ORIGIN_REFUSED", "this origin may not open the WebSocket");
            }
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    /** Same origin as the page (scheme-less host:port match), or one of the CORS allow-list. */
    private boolean originAllowed(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return false;
        }
        if (allowedOrigins.contains(origin)) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String host = ctx.header("Host");
            String originHost = uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            return host != null && host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
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
