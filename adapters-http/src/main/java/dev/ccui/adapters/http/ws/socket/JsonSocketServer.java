package dev.ccui.adapters.http.ws.socket;

import dev.ccui.adapters.http.security.Authentication;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.domain.auth.Principal;
import dev.ccui.domain.events.AppEvent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plumbing under every WebSocket endpoint: the caller is decided before the upgrade, an open
 * socket takes a connection slot, is pinged, gets a {@link JsonSocket} and the endpoint's
 * {@link SocketProtocol}, and is closed when its sign-in or rights go (4401, 4403) wherever that
 * happened. Open sockets are kept by Jetty's session id until they close.
 */
public final class JsonSocketServer {
    private static final Logger LOG = LoggerFactory.getLogger(JsonSocketServer.class);
    private static final String PRINCIPAL = "ccui.socket.principal";
    private static final String CLIENT = "ccui.socket.client";
    private static final long PING_SECONDS = 25;

    /** The endpoint's checks before the upgrade; returns the caller or throws the HTTP error. */
    @FunctionalInterface
    public interface Upgrade {
        Principal authorize(Context ctx);
    }

    /** The endpoint's protocol for one socket that just opened. */
    @FunctionalInterface
    public interface Protocols {
        SocketProtocol open(JsonSocket socket);
    }

    private static final class Connection {
        final JsonSocket socket;
        final SocketProtocol protocol;
        final AtomicReference<AutoCloseable> feed = new AtomicReference<>();

        Connection(JsonSocket socket, SocketProtocol protocol) {
            this.socket = socket;
            this.protocol = protocol;
        }
    }

    private final String path;
    private final SocketGate gate;
    private final ChangeFeedUseCase changes;
    private final SlowReaderPolicy policy;
    private final Upgrade upgrade;
    private final Protocols protocols;
    private final long maxMessageChars;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    public JsonSocketServer(
            String path,
            SocketGate gate,
            ChangeFeedUseCase changes,
            SlowReaderPolicy policy,
            Upgrade upgrade,
            Protocols protocols,
            long maxMessageChars) {
        this.path = path;
        this.maxMessageChars = maxMessageChars;
        this.gate = gate;
        this.changes = changes;
        this.policy = policy;
        this.upgrade = upgrade;
        this.protocols = protocols;
    }

    public void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade(path, ctx -> {
            ctx.attribute(PRINCIPAL, upgrade.authorize(ctx));
            ctx.attribute(CLIENT, Authentication.client(ctx));
        });
        routes.ws(path, ws -> {
            ws.onConnect(this::connected);
            ws.onMessage(ctx -> {
                Connection connection = connections.get(ctx.sessionId());
                if (connection != null) {
                    connection.protocol.received(ctx.message());
                }
            });
            ws.onClose(ctx -> ended(ctx.sessionId()));
            ws.onError(ctx -> ended(ctx.sessionId()));
        });
    }

    /** Open sockets on this path, for metrics and tests. */
    public int openConnections() {
        return connections.size();
    }

    private void connected(WsContext ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            ctx.closeSession(4401, "unauthenticated");
            return;
        }
        if (!gate.admit(ctx, principal)) {
            return;
        }
        ctx.enableAutomaticPings(PING_SECONDS, TimeUnit.SECONDS);
        // The server-wide limit fits /ws's attachments; a socket that never carries them gets its own,
        // so a hostile client cannot make the server assemble megabytes it would only refuse.
        ctx.session.setMaxTextMessageSize(maxMessageChars);
        String id = ctx.sessionId();
        JsonSocket socket = new JsonSocket(ctx, principal, ctx.attribute(CLIENT), policy, () -> closed(id));
        Connection connection = new Connection(socket, protocols.open(socket));
        connections.put(id, connection);
        socket.start();
        connection.feed.set(changes.follow(principal, event -> changed(connection, event)));
        if (!connections.containsKey(id)) {
            // Closed while we started listening: nobody else will stop the feed.
            closeFeed(connection);
        } else if (!gate.stillValid(principal)) {
            // Revoked between the upgrade and now: the event came before we listened.
            socket.close(4401, "signed out or access revoked");
        }
    }

    private static void changed(Connection connection, AppEvent event) {
        if (event instanceof AppEvent.AccessRevoked revoked) {
            // Signed out, key revoked, disabled (4401), or fewer rights (4403): reconnect to learn which.
            connection.socket.close(
                    revoked.downgrade() ? 4403 : 4401,
                    revoked.downgrade() ? "access changed: reconnect" : "signed out or access revoked");
            return;
        }
        connection.protocol.changed(event);
    }

    private void ended(String id) {
        gate.release(id);
        closed(id);
    }

    private void closed(String id) {
        Connection connection = connections.remove(id);
        if (connection == null) {
            return;
        }
        connection.socket.stop();
        closeFeed(connection);
        connection.protocol.closed();
    }

    private static void closeFeed(Connection connection) {
        // Whoever comes first closes it: the close callback, or connected() when the socket closed meanwhile.
        AutoCloseable feed = connection.feed.getAndSet(null);
        if (feed == null) {
            return;
        }
        try {
            feed.close();
        } catch (Exception e) {
            LOG.debug("closing a change feed failed", e);
        }
    }
}
