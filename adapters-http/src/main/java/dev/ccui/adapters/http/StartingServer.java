package dev.ccui.adapters.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers on the service's port from the first moments of the process, while the database is
 * migrated and the application built: every request gets 503 with {@code Retry-After: 1}, health
 * says {@code starting}. Load balancers, the launcher and browsers see a live server that is not
 * ready yet instead of a refused connection. Plain Jetty (no servlets, no Javalin), so it costs
 * little; the real server binds the same port beside it ({@code SO_REUSEPORT}) and this one then
 * stops, so no connection is refused in between.
 */
public final class StartingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StartingServer.class);
    private static final ByteBuffer HEALTH = ByteBuffer.wrap(
                    "{\"status\":\"starting\"}".getBytes(StandardCharsets.UTF_8))
            .asReadOnlyBuffer();
    private static final ByteBuffer ERROR = ByteBuffer.wrap(
                    ("{\"error\":{\"code\":\"STARTING\",\"message\":\"the server is starting, retry in a moment\"}}")
                            .getBytes(StandardCharsets.UTF_8))
            .asReadOnlyBuffer();

    private final Server server;
    private final ServerConnector connector;

    private StartingServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Listens on {@code host}:{@code port} (0: any free port, see {@link #port()}). */
    public static StartingServer listen(String host, int port) {
        refuseWhenTaken(host, port);
        QueuedThreadPool threads = new QueuedThreadPool(4, 1);
        threads.setName("ccui-starting");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(host);
        connector.setPort(port);
        connector.setReusePort(true);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                boolean health = "/api/health".equals(Request.getPathInContext(request));
                response.setStatus(503);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                response.getHeaders().put("X-Content-Type-Options", "nosniff");
                response.write(true, (health ? HEALTH : ERROR).slice(), callback);
                return true;
            }
        });
        server.setStopTimeout(2_000);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // Nothing was served.
            }
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        LOG.info("answering 'starting' on http://{}:{} while the application starts", host, connector.getLocalPort());
        return new StartingServer(server, connector);
    }

    /**
     * Binding with {@code SO_REUSEPORT} would share the port with another server that set it too
     * (a second copy of this app): a plain bind first fails as it always did when the port is taken.
     */
    private static void refuseWhenTaken(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops answering; requests already accepted get their 503 first. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping the starting server: {}", e.toString());
        }
    }
}
