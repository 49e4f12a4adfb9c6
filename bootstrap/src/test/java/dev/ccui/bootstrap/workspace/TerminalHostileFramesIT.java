package dev.ccui.bootstrap.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JsonSocketClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /ws/terminal} frames a hostile or broken client sends, to a real shell in a real PTY: each
 * one is answered with an {@code error} frame of ours (or, for sizes out of range, ignored), the
 * socket stays open, the shell keeps working, and nobody reaches another person's terminal. The
 * fixed list replays in CI; {@code TerminalFramesFuzz} throws any text at the same socket on demand.
 */
class TerminalHostileFramesIT {
    /** Frames that are not a terminal message we know, or one with fields of the wrong kind. */
    static final List<String> REFUSED = List.of(
            "not json",
            "",
            "[]",
            "\"open\"",
            "null",
            "42",
            "{}",
            "{\"type\":null}",
            "{\"type\":{\"nested\":true}}",
            "{\"type\":\"OPEN\"}",
            "{\"type\":\"input\"}",
            "{\"type\":\"input\",\"data\":123}",
            "{\"type\":\"input\",\"data\":[\"ls\\n\"]}",
            "{\"type\":\"input\",\"data\":\"" + "x".repeat(70_000) + "\"}",
            "{\"type\":\"resize\"}",
            "{\"type\":\"resize\",\"cols\":\"80\",\"rows\":24}",
            "{\"type\":\"resize\",\"cols\":80.5,\"rows\":24}",
            "{\"type\":\"resize\",\"cols\":1e400,\"rows\":24}",
            "{\"type\":\"resize\",\"cols\":99999999999999999999,\"rows\":24}",
            "{\"type\":\"open\",\"cols\":80,\"rows\":24}",
            "{\"type\":\"attach\",\"terminalId\":\"../../etc/passwd\",\"afterSeq\":-1}",
            "{\"type\":\"ping\",\"type\":\"close\",\"type\":\"nope\"}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
            // Over the input limit but within the frame limit: refused in words, not by closing.
            "{\"type\":\"input\",\"data\":\"" + "\\u0078".repeat(65_600) + "\"}");

    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient owner;
    private ApiClient other;
    private String projectId;
    private String otherProjectId;

    @BeforeEach
    void start() throws Exception {
        Path mine = Files.createDirectories(folder.resolve("work/mine"));
        Path theirs = Files.createDirectories(folder.resolve("work/theirs"));
        app = TestApplication.sqlite(folder, Map.of());
        ApiClient admin = ApiClient.setUpAdmin(app.startHttp());
        owner = admin.createMember("owner", "terminal");
        other = admin.createMember("other", "terminal");
        projectId = owner.addProject(mine);
        otherProjectId = other.addProject(theirs);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private JsonSocketClient terminal(ApiClient as, String project) {
        return JsonSocketClient.withTicket(as, "/ws/terminal?projectId=" + project);
    }

    @Test
    void everyBrokenFrameGetsAnErrorAndTheShellKeepsWorking() throws Exception {
        JsonSocketClient socket = terminal(owner, projectId);
        socket.openTerminal(80, 24);
        for (String frame : REFUSED) {
            socket.send(frame);
            JsonNode error = awaitError(socket, frame);
            assertThat(error.path("code").asText())
                    .as("code for %s", abbreviated(frame))
                    .isIn("INVALID", "UNSUPPORTED");
            assertThat(error.path("message").asText())
                    .as("message for %s", abbreviated(frame))
                    .isNotBlank();
            assertThat(error.toString()).doesNotContain("Exception", "\tat ");
            socket.awaitPong();
        }

        // Sizes out of range are ignored, not applied: the PTY keeps its size.
        socket.send("{\"type\":\"resize\",\"cols\":0,\"rows\":-3}");
        socket.send("{\"type\":\"resize\",\"cols\":2147483647,\"rows\":2147483647}");
        socket.input("stty size\n");
        socket.awaitOutput(Pattern.compile("24 80"));

        // Control bytes, escape sequences and a lone surrogate (Jackson reads it; the PTY gets "?")
        // are the shell's business, not the server's.
        socket.input("\u0000\u001b[6n\u0003");
        socket.send("{\"type\":\"input\",\"data\":\"\\ud800\\n\"}");
        socket.input("echo still-$((40+2))\n");
        socket.awaitOutput(Pattern.compile("still-42"));
        assertThat(socket.isOpen()).isTrue();
    }

    @Test
    void nobodyReachesAnotherPersonsTerminalByItsId() throws Exception {
        JsonSocketClient theirs = terminal(other, otherProjectId);
        String theirId = theirs.openTerminal(80, 24);
        theirs.input("echo theirs-ready\n");
        theirs.awaitOutput(Pattern.compile("theirs-ready"));

        // The id alone is not a key: through my project, through theirs (403 at the door), or in the URL.
        JsonSocketClient mine = terminal(owner, projectId);
        mine.send("{\"type\":\"attach\",\"terminalId\":\"" + theirId + "\",\"afterSeq\":0}");
        assertThat(mine.await("error").path("code").asText()).isEqualTo("NO_SUCH_TERMINAL");
        assertThat(JsonSocketClient.handshakeStatus(() -> terminal(owner, otherProjectId)))
                .isEqualTo(403);
        JsonSocketClient viaUrl =
                JsonSocketClient.withTicket(owner, "/ws/terminal?projectId=" + projectId + "&terminalId=" + theirId);
        viaUrl.send("{\"type\":\"attach\",\"afterSeq\":0}");
        assertThat(viaUrl.await("error").path("code").asText()).isEqualTo("NO_SUCH_TERMINAL");
        // Nor by opening a new terminal under their id.
        viaUrl.send("{\"type\":\"open\",\"cols\":80,\"rows\":24}");
        assertThat(viaUrl.await("error").path("code").asText()).isIn("TERMINAL_EXISTS", "INVALID");

        // Their terminal saw none of it and is still theirs.
        theirs.clearOutput();
        theirs.input("echo theirs-still-$((1+1))\n");
        theirs.awaitOutput(Pattern.compile("theirs-still-2"));
        assertThat(theirs.output()).doesNotContain("owner");
        assertThat(theirs.isOpen()).isTrue();
    }

    @Test
    void beforeAnyTerminalOnlyOpenAndAttachAreTakenAndABadResumeStartsNothing() throws Exception {
        JsonSocketClient socket = terminal(owner, projectId);
        for (String frame : List.of(
                "{\"type\":\"input\",\"data\":\"ls\\n\"}",
                "{\"type\":\"resize\",\"cols\":80,\"rows\":24}",
                "{\"type\":\"close\"}",
                "{\"type\":\"open\",\"cols\":80,\"rows\":24,\"resumeSessionId\":\"../../x; rm -rf /\"}",
                "{\"type\":\"open\",\"cols\":80,\"rows\":24,\"terminalId\":\"not-a-uuid\"}",
                "{\"type\":\"attach\",\"terminalId\":\"00000000-0000-0000-0000-000000000000\"}")) {
            socket.send(frame);
            assertThat(socket.await("error").path("code").asText())
                    .as(frame)
                    .isIn("INVALID", "NO_SUCH_TERMINAL", "UNKNOWN_SESSION");
            socket.awaitPong();
        }
        assertThat(app.application().workspace().terminals().openCount()).isZero();
        // The socket is still good for a terminal of its own.
        socket.openTerminal(80, 24);
        socket.input("echo fine\n");
        socket.awaitOutput(Pattern.compile("fine"));
    }

    @Test
    void aFrameOverTheSizeLimitClosesOnlyThatSocketAndTheTerminalStaysAttachable() throws Exception {
        JsonSocketClient socket = terminal(owner, projectId).waitingUpTo(Duration.ofSeconds(30));
        String id = socket.openTerminal(80, 24);
        // A terminal frame is at most an input of 64 Ki characters, escaped: far below /ws's limit.
        try {
            socket.send("{\"type\":\"input\",\"data\":\"" + "y".repeat(1024 * 1024) + "\"}");
        } catch (CompletionException closedWhileSending) {
            // The server closed the socket before the client had written the whole frame: also the answer.
        }
        // 1009 when the client reads the close frame, -1 when it saw its output shut first.
        assertThat(socket.closeCode(Duration.ofSeconds(30))).isIn(1009, -1);

        JsonSocketClient again = terminal(owner, projectId);
        again.attach(id, 0);
        assertThat(again.await("opened").path("terminalId").asText()).isEqualTo(id);
        again.input("echo back-$((2*3))\n");
        again.awaitOutput(Pattern.compile("back-6"));
    }

    private static JsonNode awaitError(JsonSocketClient socket, String frame) throws InterruptedException {
        try {
            return socket.await("error");
        } catch (AssertionError none) {
            throw new AssertionError("no error frame for " + abbreviated(frame), none);
        }
    }

    private static String abbreviated(String frame) {
        return frame.length() > 80 ? frame.substring(0, 80) + "… (" + frame.length() + " chars)" : frame;
    }
}
