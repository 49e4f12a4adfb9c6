package dev.ccui.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ccui.bootstrap.testing.JsonSocketClient;
import java.time.Duration;

/**
 * Any text frame on {@code /ws/terminal} with a real shell behind it: afterwards the socket answers
 * a {@code ping}, unless the frame itself ended the terminal ({@code close}, or input that made the
 * shell exit), in which case the server closed the socket cleanly (1000) and a new terminal opens.
 *
 * <p>On demand ({@code ops/fuzz/fuzz.sh}); the fixed list of {@code TerminalHostileFramesIT} replays in CI.
 */
class TerminalFramesFuzz {
    private static JsonSocketClient socket;

    @FuzzTest(maxDuration = "10s")
    void anyFrameLeavesTheTerminalSocketWorking(FuzzedDataProvider data) throws Exception {
        JsonSocketClient ws = socket();
        String frame = FuzzedText.of(data);
        ws.send(frame);
        try {
            ws.awaitPong();
        } catch (AssertionError noPong) {
            assertThat(ws.closeCode(Duration.ofSeconds(10)))
                    .as("no pong after %s: the socket must have ended cleanly", frame)
                    .isIn(1000, 1009);
            reopen();
        }
    }

    private static synchronized JsonSocketClient socket() throws Exception {
        if (socket == null || !socket.isOpen()) {
            reopen();
        }
        return socket;
    }

    private static synchronized void reopen() throws Exception {
        FuzzApp app = FuzzApp.get();
        socket = JsonSocketClient.withTicket(app.admin, "/ws/terminal?projectId=" + app.projectId)
                .waitingUpTo(Duration.ofSeconds(10));
        socket.openTerminal(80, 24);
    }
}
