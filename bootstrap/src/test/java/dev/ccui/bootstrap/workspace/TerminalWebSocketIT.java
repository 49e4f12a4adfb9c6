package dev.ccui.bootstrap.workspace;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The web shell over {@code /ws/terminal} of the real application: a real bash in a real PTY. */
class TerminalWebSocketIT {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalWebSocketIT.class);
    private static final Duration WAIT = Duration.ofSeconds(20);
    @TempDir
    Path folder;
    private TestApplication app;
    private String base;
    private ApiClient admin;
    private ApiClient owner;
    private String projectId;

    private void start(Map<String, String> env) throws Exception {
        Path projectDir = Files.createDirectories(folder.resolve("work/proj"));
        app = TestApplication.sqlite(folder, env);
        base = app.startHttp();
        admin = ApiClient.setUpAdmin(base);
        owner = admin.createMember("owner", "terminal");
        projectId = json(owner.post("/api/projects", "{\"path\":\"" + projectDir + "\"}")).get("id").asText();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** A terminal socket: frames in a queue, output text accumulated, seqs checked for gaps and duplicates. */
    final class Socket implements WebSocket.Listener {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        final StringBuilder output = new StringBuilder();
        long lastSeq;
        WebSocket ws;

        Socket connect(ApiClient as, String query) {
            String ticket = json(as.post("/api/auth/ws-ticket", "{}")).get("ticket").asText();
            return connectWith("?projectId=" + projectId + "&ticket=" + ticket + query);
        }

        Socket connectWith(String query) {
            ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(base.replace("http", "ws") + "/ws/terminal" + query), this).join();
            return this;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(ApiClient.JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
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

        void send(String json) {
            ws.sendText(json, true).join();
        }

        JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                JsonNode frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("timed out; output so far: " + output);
                }
                take(frame);
                if (wanted.test(frame)) {
                    return frame;
                }
            }
        }

        private void take(JsonNode frame) {
            if (frame.get("type").asText().equals("output")) {
                long seq = frame.get("seq").asLong();
                assertThat(seq).as("no gap, no duplicate").isEqualTo(lastSeq + 1);
                lastSeq = seq;
                output.append(frame.get("data").asText());
            }
        }

        Matcher awaitOutput(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                Matcher matcher = pattern.matcher(output);
                if (matcher.find()) {
                    return matcher;
                }
                JsonNode frame = frames.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (frame == null) {
                    throw new AssertionError("no " + pattern + " in: " + output);
                }
                take(frame);
            }
        }

        String open() throws InterruptedException {
            send("{\"type\":\"open\",\"cols\":80,\"rows\":24}");
            return await(f -> f.get("type").asText().equals("opened")).get("terminalId").asText();
        }

        void input(String text) throws Exception {
            send(ApiClient.JSON.writeValueAsString(Map.of("type", "input", "data", text)));
        }
    }

    /**
     * The app's process for the shell just opened: in the sandbox, {@code $$} is the shell's pid in
     * its own PID namespace, so the host side is found as the app's newest child once the shell answers.
     */
    private static long pid(Socket socket) throws Exception {
        socket.input("echo pid=$$\n");
        socket.awaitOutput(Pattern.compile("pid=(\\d+)"));
        return ProcessHandle.current().children()
                .max(java.util.Comparator.comparing(p -> p.info().startInstant().orElse(java.time.Instant.EPOCH)))
                .orElseThrow().pid();
    }

    private static void awaitGone(long pid) {
        ProcessHandle.of(pid).ifPresent(handle -> handle.onExit().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join());
    }

    /** The registry forgets a terminal on the thread that saw its shell exit, just after the exit. */
    private void awaitNoOpenTerminals() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (app.application().workspace().terminals().openCount() > 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(app.application().workspace().terminals().openCount()).isZero();
    }

    @Test
    void typesResizesDropsReattachesWithoutGapOrDuplicateAndEnds() throws Exception {
        start(Map.of());
        Socket first = new Socket().connect(owner, "");
        String terminalId = first.open();
        first.input("echo hello-$((6*7))\n");
        first.awaitOutput(Pattern.compile("hello-42"));
        first.send("{\"type\":\"resize\",\"cols\":100,\"rows\":30}");
        first.input("stty size\n");
        first.awaitOutput(Pattern.compile("30 100"));
        long pid = pid(first);

        first.input("sleep 1; for i in 1 2 3; do echo after-drop-$((i*2)); done\n");
        first.awaitOutput(Pattern.compile("sleep 1; for"));
        long seenBeforeDrop = first.lastSeq;
        String seenText = first.output.toString();
        first.ws.abort();

        Socket second = new Socket().connect(owner, "");
        second.lastSeq = seenBeforeDrop;
        second.send("{\"type\":\"attach\",\"terminalId\":\"" + terminalId + "\",\"afterSeq\":" + seenBeforeDrop + "}");
        assertThat(second.await(f -> f.get("type").asText().equals("opened")).get("terminalId").asText()).isEqualTo(terminalId);
        second.awaitOutput(Pattern.compile("after-drop-6"));
        assertThat(seenText + second.output).contains("hello-42", "after-drop-2", "after-drop-4", "after-drop-6");
        assertThat(second.output.toString()).doesNotContain("hello-42");

        Socket third = new Socket().connect(owner, "");
        third.send("{\"type\":\"attach\",\"terminalId\":\"" + terminalId + "\",\"afterSeq\":0}");
        third.await(f -> f.get("type").asText().equals("opened"));
        third.awaitOutput(Pattern.compile("after-drop-6"));
        assertThat(third.output.toString()).contains("hello-42");
        assertThat(second.closed.get(10, TimeUnit.SECONDS)).as("the displaced connection is closed").isEqualTo(4409);

        third.send("{\"type\":\"close\"}");
        third.await(f -> f.get("type").asText().equals("exit"));
        awaitGone(pid);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        awaitNoOpenTerminals();
        assertThat(json(admin.get("/api/audit?limit=50")).findValuesAsText("action")).contains("terminal.opened");
    }

    @Test
    void theGracePeriodEndsAnAbandonedTerminalAndLogoutEndsItsTerminals() throws Exception {
        start(Map.of("CCUI_TERMINAL_GRACE", "1s"));
        Socket abandoned = new Socket().connect(owner, "");
        String terminalId = abandoned.open();
        long pid = pid(abandoned);
        abandoned.ws.abort();
        awaitGone(pid);
        Socket late = new Socket().connect(owner, "");
        late.send("{\"type\":\"attach\",\"terminalId\":\"" + terminalId + "\",\"afterSeq\":0}");
        assertThat(late.await(f -> f.get("type").asText().equals("error")).get("code").asText()).isEqualTo("NO_SUCH_TERMINAL");

        Socket live = new Socket().connect(owner, "");
        live.open();
        long livePid = pid(live);
        assertThat(owner.post("/api/auth/logout", "{}").statusCode()).isEqualTo(204);
        assertThat(live.closed.get(10, TimeUnit.SECONDS)).isEqualTo(4409);
        awaitGone(livePid);
    }

    @Test
    void whoMayOpenATerminal() throws Exception {
        start(Map.of("CCUI_TERMINALS_PER_USER", "1"));
        ApiClient stranger = admin.createMember("stranger");
        assertThat(handshakeStatus(() -> new Socket().connect(stranger, ""))).isEqualTo(403);
        assertThat(handshakeStatus(() -> new Socket().connectWith("?projectId=" + projectId))).isEqualTo(401);

        String noScope = json(owner.post("/api/api-keys", "{\"name\":\"ci\",\"scopes\":[\"api\"]}")).get("secret").asText();
        String withScope = json(owner.post("/api/api-keys", "{\"name\":\"shell\",\"scopes\":[\"api\",\"terminal\"]}"))
                .get("secret").asText();
        assertThat(handshakeStatus(() -> withKey(noScope))).isEqualTo(403);
        Socket viaKey = withKey(withScope);
        viaKey.open();
        viaKey.input("echo key-$((1+1))\n");
        viaKey.awaitOutput(Pattern.compile("key-2"));

        Socket over = new Socket().connect(owner, "");
        over.send("{\"type\":\"open\",\"cols\":80,\"rows\":24}");
        assertThat(over.await(f -> f.get("type").asText().equals("error")).get("code").asText()).isEqualTo("TERMINAL_LIMIT");
        over.send("{\"type\":\"input\",\"data\":\"x\"}");
        assertThat(over.await(f -> f.get("type").asText().equals("error")).get("code").asText()).isEqualTo("INVALID");

        assertThat(handshakeStatus(() -> new Socket().connect(admin, ""))).as("admins may").isEqualTo(101);
    }

    @Test
    void aSwitchedOffTerminalIsRefusedWithItsCode() throws Exception {
        start(Map.of("CCUI_TERMINAL_ENABLED", "false"));
        assertThat(handshakeStatus(() -> new Socket().connect(owner, ""))).isEqualTo(403);
    }

    @Test
    void echoRoundTripLatencyOverTheWebSocket() throws Exception {
        start(Map.of());
        Socket socket = new Socket().connect(owner, "");
        socket.open();
        socket.input("stty -echo; cat\n");
        socket.awaitOutput(Pattern.compile("stty -echo; cat"));
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 220; i++) {
            String token = "rt-" + i + "-x";
            long start = System.nanoTime();
            socket.input(token + "\n");
            socket.awaitOutput(Pattern.compile(Pattern.quote(token)));
            if (i >= 20) {
                micros.add((System.nanoTime() - start) / 1_000);
            }
            socket.output.setLength(0);
        }
        micros.sort(Long::compare);
        LOG.info("FIGURE terminal echo round trip over /ws/terminal (200 round trips after 20 warm-up): p50 {} µs, p99 {} µs, max {} µs",
                micros.get(micros.size() / 2), micros.get((int) Math.ceil(micros.size() * 0.99) - 1), micros.getLast());
        socket.send("{\"type\":\"close\"}");
        socket.await(f -> f.get("type").asText().equals("exit"));
    }

    private Socket withKey(String key) {
        Socket socket = new Socket();
        socket.ws = HttpClient.newHttpClient().newWebSocketBuilder().header("X-API-Key", key)
                .buildAsync(URI.create(base.replace("http", "ws") + "/ws/terminal?projectId=" + projectId), socket).join();
        return socket;
    }

    /** 101 when the upgrade succeeds, otherwise the refusal's HTTP status. */
    private static int handshakeStatus(java.util.function.Supplier<Socket> connect) {
        try {
            Socket socket = connect.get();
            socket.ws.abort();
            return 101;
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }
}
