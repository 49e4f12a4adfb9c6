package dev.ccui.bootstrap.load;

import dev.ccui.bootstrap.testing.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A {@code /ws} client light enough to hold thousands: counts pongs, remembers the close code. */
final class Sockets implements WebSocket.Listener {
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final AtomicLong pongs = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket ws;

    static Sockets open(HttpClient http, ApiClient as) throws Exception {
        String ticket = ApiClient.json(as.post("/api/auth/ws-ticket", "{}"))
                .get("ticket")
                .asText();
        Sockets socket = new Sockets();
        socket.ws = http.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(as.base().replaceFirst("^http", "ws") + "/ws?ticket=" + ticket), socket)
                .get(30, TimeUnit.SECONDS);
        return socket;
    }

    void ping() {
        ws.sendText("{\"type\":\"ping\"}", true);
    }

    boolean isOpen() {
        return !closed.isDone() && !ws.isInputClosed();
    }

    void close() {
        ws.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            if (partial.indexOf("\"pong\"") >= 0) {
                pongs.incrementAndGet();
            }
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        closed.complete(-1);
    }
}
