package dev.ccui.bootstrap.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client of {@code /ws} that queues every text frame it receives, for tests to await. */
public final class WsFrames implements AutoCloseable {
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    private WsFrames(HttpClient client, URI uri) throws Exception {
        this.socket = client.newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    /** Opens {@code /ws} with a one-time ticket of the client's user. */
    public static WsFrames open(ApiClient client) throws Exception {
        String ticket = ApiClient.json(client.post("/api/auth/ws-ticket", ""))
                .get("ticket")
                .asText();
        return connect(
                HttpClient.newHttpClient(), URI.create(client.base().replace("http", "ws") + "/ws?ticket=" + ticket));
    }

    /** Opens any WebSocket URL with the given client (e.g. one trusting a test certificate). */
    public static WsFrames connect(HttpClient client, URI uri) throws Exception {
        return new WsFrames(client, uri);
    }

    /** The next frame of any type, or null when none comes within {@code timeoutMs}. */
    public String next(long timeoutMs) throws InterruptedException {
        return frames.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void clear() {
        frames.clear();
    }

    /** The next frame of this {@code type}, skipping others; fails after {@code timeoutMs}. */
    public String await(String type, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            String frame = frames.poll(deadline - System.currentTimeMillis(), TimeUnit.MILLISECONDS);
            if (frame != null && frame.contains("\"type\":\"" + type + "\"")) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame within " + timeoutMs + " ms");
    }

    @Override
    public void close() {
        socket.abort();
    }
}
