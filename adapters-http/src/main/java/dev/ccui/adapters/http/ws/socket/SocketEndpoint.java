package dev.ccui.adapters.http.ws.socket;

import dev.ccui.adapters.http.RouteGroup;
import dev.ccui.application.events.port.in.ChangeFeedUseCase;
import dev.ccui.domain.auth.Principal;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * A WebSocket endpoint as a route group: the {@link JsonSocketServer} under it is what it
 * registers and counts; a subclass says who may upgrade and what it speaks once open.
 */
public abstract class SocketEndpoint implements RouteGroup {
    private final JsonSocketServer sockets;

    /** {@code maxMessageChars}: the longest text message a client may send on this path (longer closes with 1009). */
    protected SocketEndpoint(
            String path, SocketGate gate, ChangeFeedUseCase changes, SlowReaderPolicy policy, long maxMessageChars) {
        // Called only once sockets arrive, after the subclass is constructed.
        this.sockets = new JsonSocketServer(path, gate, changes, policy, this::authorize, this::open, maxMessageChars);
    }

    /** The endpoint's checks before the upgrade; returns the caller or throws the HTTP error. */
    protected abstract Principal authorize(Context ctx);

    /** The protocol of one socket that just opened. */
    protected abstract SocketProtocol open(JsonSocket socket);

    @Override
    public final void register(RoutesConfig routes) {
        sockets.register(routes);
    }

    @Override
    public final int openSockets() {
        return sockets.openConnections();
    }
}
