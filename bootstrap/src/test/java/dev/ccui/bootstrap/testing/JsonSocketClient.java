package dev.ccui.bootstrap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's client of {@code /ws} or {@code /ws/terminal}, as the browser uses them: every frame
 * parsed into a queue to await, the close code the server gave, and a terminal's output put
 * together in seq order, where a gap or a duplicate fails the test.
 */
public final class JsonSocketClient implements WebSocket.Listener {
    /** How long a test waits for a frame a working server sends at once. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final StringBuilder output = new StringBuilder();
    private long lastSeq;
    private Duration wait = WAIT;
    private WebSocket ws;

    private JsonSocketClient() {}

    /**
     * Opens {@code pathAndQuery} on the server at {@code base} (its http URL) with these headers. A
     * refused upgrade throws a {@link java.util.concurrent.CompletionException} caused by a
     * {@link java.net.http.WebSocketHandshakeException} with the HTTP response.
     */
    public static JsonSocketClient open(String base, String pathAndQuery, Map<String, String> headers) {
        return open(HttpClient.newHttpClient(), base, pathAndQuery, headers);
    }

    /** As {@link #open(String, String, Map)} through {@code http} (e.g. one trusting a test certificate, for wss). */
    public static JsonSocketClient open(
            HttpClient http, String base, String pathAndQuery, Map<String, String> headers) {
        JsonSocketClient client = new JsonSocketClient();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        client.ws = builder.buildAsync(URI.create(base.replaceFirst("^http", "ws") + pathAndQuery), client)
                .orTimeout(10, TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** Opens {@code pathAndQuery} with a one-time ticket of {@code as}'s user, as the web UI does. */
    public static JsonSocketClient withTicket(ApiClient as, String pathAndQuery) {
        String ticket = ApiClient.json(as.post("/api/auth/ws-ticket", "{}"))
                .get("ticket")
                .asText();
        return open(as.base(), pathAndQuery + (pathAndQuery.contains("?") ? "&" : "?") + "ticket=" + ticket, Map.of());
    }

    /**
     * 101 when the upgrade succeeds (the socket is dropped at once), otherwise the HTTP status it
     * was refused with.
     */
    public static int handshakeStatus(Supplier<JsonSocketClient> connect) {
        try {
            connect.get().abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

    /** Waits at most this long for each awaited frame (a shell in a sandbox can take longer than the default). */
    public JsonSocketClient waitingUpTo(Duration limit) {
        this.wait = limit;
        return this;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(ApiClient.json(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    public void send(String json) {
        ws.sendText(json, true).join();
    }

    /** Drops the connection without a close handshake, as a lost network does. */
    public void abort() {
        ws.abort();
    }

    /** The close code the server sent, waiting at most {@code within}. */
    public int closeCode(Duration within) throws Exception {
        return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isOpen() {
        return !closed.isDone();
    }

    /** A ping answered means the server finished opening the socket (it listens for revocations). */
    public void awaitPong() throws InterruptedException {
        send("{\"type\":\"ping\"}");
        await("pong");
    }

    /** The next frame of this type; frames before it are read (and a terminal's output kept). */
    public JsonNode await(String type) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonNode frame = next(deadline, "no " + type + " frame");
            if (frame.path("type").asText().equals(type)) {
                return frame;
            }
        }
    }

    // --- the terminal protocol

    /** Opens a terminal of this size; returns its id. */
    public String openTerminal(int cols, int rows) throws InterruptedException {
        send("{\"type\":\"open\",\"cols\":" + cols + ",\"rows\":" + rows + "}");
        return await("opened").get("terminalId").asText();
    }

    /** Asks for the terminal's output after {@code afterSeq}: the next output frame must carry the seq after it. */
    public void attach(String terminalId, long afterSeq) {
        lastSeq = afterSeq;
        send("{\"type\":\"attach\",\"terminalId\":\"" + terminalId + "\",\"afterSeq\":" + afterSeq + "}");
    }

    public void input(String text) throws Exception {
        send(ApiClient.JSON.writeValueAsString(Map.of("type", "input", "data", text)));
    }

    /** Reads frames until the terminal output seen so far matches. */
    public Matcher awaitOutput(Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Matcher matcher = pattern.matcher(output);
            if (matcher.find()) {
                return matcher;
            }
            next(deadline, "no " + pattern + " in the output");
        }
    }

    /** The terminal output read so far, in seq order. */
    public String output() {
        return output.toString();
    }

    public void clearOutput() {
        output.setLength(0);
    }

    /** The seq of the last output frame read. */
    public long lastSeq() {
        return lastSeq;
    }

    private JsonNode next(long deadline, String failure) throws InterruptedException {
        JsonNode frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (frame == null) {
            throw new AssertionError(failure + " within " + wait.toSeconds() + " s; output so far: " + output);
        }
        if (frame.path("type").asText().equals("output")) {
            long seq = frame.get("seq").asLong();
            assertThat(seq).as("no gap, no duplicate").isEqualTo(lastSeq + 1);
            lastSeq = seq;
            output.append(frame.get("data").asText());
        }
        return frame;
    }
}
