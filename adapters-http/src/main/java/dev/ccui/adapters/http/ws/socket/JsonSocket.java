package dev.ccui.adapters.http.ws.socket;

import dev.ccui.adapters.http.json.Json;
import dev.ccui.application.common.ClientInfo;
import dev.ccui.domain.auth.Principal;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open socket, seen from its protocol: who is on the other end, and an outbound side where
 * frames wait in a bounded queue drained by one virtual thread. The writer waits for each frame
 * to reach the socket, so a reader that falls behind fills this queue (and is closed by the
 * {@link SlowReaderPolicy}) rather than a buffer of the server's without bound.
 */
public final class JsonSocket {
    private static final Logger LOG = LoggerFactory.getLogger(JsonSocket.class);
    /** A frame that cannot be handed to the network in this time means the client is gone. */
    private static final long WRITE_TIMEOUT_SECONDS = 30;

    private sealed interface Outbound {}

    private record Text(String json) implements Outbound {}

    private record Close(int code, String reason) implements Outbound {}

    private record Stop() implements Outbound {}

    private final WsContext ctx;
    private final Principal principal;
    private final ClientInfo client;
    private final SlowReaderPolicy policy;
    private final Runnable dropped;
    // Bounded, but allocated as it fills: an idle socket must cost little memory. One more than the
    // limit, so the stop marker always fits.
    private final BlockingQueue<Outbound> outbound;
    private volatile boolean stopped;

    JsonSocket(WsContext ctx, Principal principal, ClientInfo client, SlowReaderPolicy policy, Runnable dropped) {
        this.ctx = ctx;
        this.principal = principal;
        this.client = client;
        this.policy = policy;
        this.dropped = dropped;
        this.outbound = new LinkedBlockingQueue<>(policy.queueLimit() + 1);
    }

    public Principal principal() {
        return principal;
    }

    public ClientInfo client() {
        return client;
    }

    /** A query parameter of the upgrade request. */
    public String queryParam(String name) {
        return ctx.queryParam(name);
    }

    /** Queues a frame, written as JSON; dropped once the socket is closing. */
    public void send(Map<String, ?> frame) {
        if (stopped) {
            return;
        }
        String json;
        try {
            json = Json.MAPPER.writeValueAsString(frame);
        } catch (Exception e) {
            LOG.warn("a WebSocket frame could not be written as JSON", e);
            return;
        }
        offer(new Text(json));
    }

    /** Closes the socket once the frames queued before are written. */
    public void closeAfterQueued(int code, String reason) {
        if (!stopped) {
            offer(new Close(code, reason));
        }
    }

    /** Closes the socket now; whatever is still queued is not written. */
    public void close(int code, String reason) {
        try {
            ctx.closeSession(code, reason);
        } catch (RuntimeException e) {
            LOG.debug("closing WebSocket {} failed", ctx.sessionId(), e);
        }
    }

    void start() {
        Thread.ofVirtual().name("ccui-ws-writer").start(this::write);
    }

    /** Writes nothing more: the writer ends at the marker, whatever was queued is dropped. */
    void stop() {
        stopped = true;
        outbound.clear();
        outbound.offer(new Stop());
    }

    private void offer(Outbound item) {
        if (outbound.size() < policy.queueLimit() && outbound.offer(item)) {
            return;
        }
        LOG.info(
                "dropping WebSocket {} of {}: more than {} frames behind",
                ctx.sessionId(),
                principal.username().value(),
                policy.queueLimit());
        stop();
        // The producer may hold its own lock here (a terminal's output, a run's feed): the protocol
        // lets go of it on another thread.
        Thread.ofVirtual().name("ccui-ws-slow").start(() -> {
            dropped.run();
            close(policy.closeCode(), policy.reason());
        });
    }

    private void write() {
        try {
            while (true) {
                Outbound next = outbound.take();
                if (stopped) {
                    return;
                }
                switch (next) {
                    case Text text -> {
                        CompletableFuture<Void> sent = new CompletableFuture<>();
                        ctx.session.sendText(
                                text.json(), Callback.from(() -> sent.complete(null), sent::completeExceptionally));
                        sent.get(WRITE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    }
                    case Close close -> {
                        close(close.code(), close.reason());
                        return;
                    }
                    case Stop ignored -> {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debug("WebSocket {} cannot be written to: {}", ctx.sessionId(), e.toString());
            close(1011, "write failed");
        }
    }
}
