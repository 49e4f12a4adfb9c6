package dev.ccui.bootstrap.workspace;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JsonSocketClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
        projectId = owner.addProject(projectDir);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** A terminal socket of {@code as} on the project, opened with a ticket. */
    private JsonSocketClient terminal(ApiClient as) {
        return JsonSocketClient.withTicket(as, "/ws/terminal?projectId=" + projectId);
    }

    /**
     * The app's process for the shell just opened: in the sandbox, {@code $$} is the shell's pid in
     * its own PID namespace, so the host side is found as the app's newest child once the shell answers.
     */
    private static long pid(JsonSocketClient socket) throws Exception {
        socket.input("echo pid=$$\n");
        socket.awaitOutput(Pattern.compile("pid=(\\d+)"));
        return ProcessHandle.current()
                .children()
                .max(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.EPOCH)))
                .orElseThrow()
                .pid();
    }

    private static void awaitGone(long pid) {
        ProcessHandle.of(pid)
                .ifPresent(handle -> handle.onExit()
                        .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                        .join());
    }

    /** The registry forgets a terminal on the thread that saw its shell exit, just after the exit. */
    private void awaitNoOpenTerminals() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (app.application().workspace().terminals().openCount() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(app.application().workspace().terminals().openCount()).isZero();
    }

    @Test
    void typesResizesDropsReattachesWithoutGapOrDuplicateAndEnds() throws Exception {
        start(Map.of());
        JsonSocketClient first = terminal(owner);
        String terminalId = first.openTerminal(80, 24);
        first.input("echo hello-$((6*7))\n");
        first.awaitOutput(Pattern.compile("hello-42"));
        first.send("{\"type\":\"resize\",\"cols\":100,\"rows\":30}");
        first.input("stty size\n");
        first.awaitOutput(Pattern.compile("30 100"));
        long pid = pid(first);

        first.input("sleep 1; for i in 1 2 3; do echo after-drop-$((i*2)); done\n");
        first.awaitOutput(Pattern.compile("sleep 1; for"));
        long seenBeforeDrop = first.lastSeq();
        String seenText = first.output();
        first.abort();

        JsonSocketClient second = terminal(owner);
        second.attach(terminalId, seenBeforeDrop);
        assertThat(second.await("opened").get("terminalId").asText()).isEqualTo(terminalId);
        second.awaitOutput(Pattern.compile("after-drop-6"));
        assertThat(seenText + second.output()).contains("hello-42", "after-drop-2", "after-drop-4", "after-drop-6");
        assertThat(second.output()).doesNotContain("hello-42");

        JsonSocketClient third = terminal(owner);
        third.attach(terminalId, 0);
        third.await("opened");
        third.awaitOutput(Pattern.compile("after-drop-6"));
        assertThat(third.output()).contains("hello-42");
        assertThat(second.closeCode(Duration.ofSeconds(10)))
                .as("the displaced connection is closed")
                .isEqualTo(4409);

        third.send("{\"type\":\"close\"}");
        third.await("exit");
        awaitGone(pid);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .isFalse();
        awaitNoOpenTerminals();
        assertThat(json(admin.get("/api/audit?limit=50")).findValuesAsText("action"))
                .contains("terminal.opened");
    }

    @Test
    void theGracePeriodEndsAnAbandonedTerminalAndLogoutEndsItsTerminals() throws Exception {
        start(Map.of("CCUI_TERMINAL_GRACE", "1s"));
        JsonSocketClient abandoned = terminal(owner);
        String terminalId = abandoned.openTerminal(80, 24);
        long pid = pid(abandoned);
        abandoned.abort();
        awaitGone(pid);
        JsonSocketClient late = terminal(owner);
        late.attach(terminalId, 0);
        assertThat(late.await("error").get("code").asText()).isEqualTo("NO_SUCH_TERMINAL");

        JsonSocketClient live = terminal(owner);
        live.openTerminal(80, 24);
        long livePid = pid(live);
        assertThat(owner.post("/api/auth/logout", "{}").statusCode()).isEqualTo(204);
        assertThat(live.closeCode(Duration.ofSeconds(10))).isEqualTo(4409);
        awaitGone(livePid);
    }

    @Test
    void whoMayOpenATerminal() throws Exception {
        start(Map.of("CCUI_TERMINALS_PER_USER", "1"));
        ApiClient stranger = admin.createMember("stranger");
        assertThat(JsonSocketClient.handshakeStatus(() -> terminal(stranger))).isEqualTo(403);
        assertThat(JsonSocketClient.handshakeStatus(
                        () -> JsonSocketClient.open(base, "/ws/terminal?projectId=" + projectId, Map.of())))
                .isEqualTo(401);

        String noScope = json(owner.post("/api/api-keys", "{\"name\":\"ci\",\"scopes\":[\"api\"]}"))
                .get("secret")
                .asText();
        String withScope = json(owner.post("/api/api-keys", "{\"name\":\"shell\",\"scopes\":[\"api\",\"terminal\"]}"))
                .get("secret")
                .asText();
        assertThat(JsonSocketClient.handshakeStatus(() -> withKey(noScope))).isEqualTo(403);
        JsonSocketClient viaKey = withKey(withScope);
        viaKey.openTerminal(80, 24);
        viaKey.input("echo key-$((1+1))\n");
        viaKey.awaitOutput(Pattern.compile("key-2"));

        JsonSocketClient over = terminal(owner);
        over.send("{\"type\":\"open\",\"cols\":80,\"rows\":24}");
        assertThat(over.await("error").get("code").asText()).isEqualTo("TERMINAL_LIMIT");
        over.send("{\"type\":\"input\",\"data\":\"x\"}");
        assertThat(over.await("error").get("code").asText()).isEqualTo("INVALID");

        assertThat(JsonSocketClient.handshakeStatus(() -> terminal(admin)))
                .as("admins may")
                .isEqualTo(101);
    }

    @Test
    void aSwitchedOffTerminalIsRefusedWithItsCode() throws Exception {
        start(Map.of("CCUI_TERMINAL_ENABLED", "false"));
        assertThat(JsonSocketClient.handshakeStatus(() -> terminal(owner))).isEqualTo(403);
    }

    @Test
    void echoRoundTripLatencyOverTheWebSocket() throws Exception {
        start(Map.of());
        JsonSocketClient socket = terminal(owner);
        socket.openTerminal(80, 24);
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
            socket.clearOutput();
        }
        micros.sort(Long::compare);
        LOG.info(
                "FIGURE terminal echo round trip over /ws/terminal (200 round trips after 20 warm-up): p50 {} µs, p99 {} µs, max {} µs",
                micros.get(micros.size() / 2),
                micros.get((int) Math.ceil(micros.size() * 0.99) - 1),
                micros.getLast());
        socket.send("{\"type\":\"close\"}");
        socket.await("exit");
    }

    private JsonSocketClient withKey(String key) {
        return JsonSocketClient.open(base, "/ws/terminal?projectId=" + projectId, Map.of("X-API-Key", key));
    }
}
