package dev.ccui.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ccui.bootstrap.testing.WsFrames;

/**
 * Any text frame on {@code /ws} (the run and change-feed socket), as a signed-in client sends
 * it: the socket stays open and keeps answering (a {@code ping} after it gets its {@code pong}).
 *
 * <p>On demand ({@code ops/fuzz/fuzz.sh}); named out of the CI's test patterns until its
 * regression replay has been timed in CI (it starts a whole app).
 */
class WsFramesFuzz {
    private static WsFrames socket;

    @FuzzTest(maxDuration = "10s")
    void anyFrameLeavesTheSocketWorking(FuzzedDataProvider data) throws Exception {
        WsFrames ws = socket();
        String frame = FuzzedText.of(data);
        ws.send(frame);
        ws.send("{\"type\":\"ping\"}");
        assertThat(ws.await("pong", 10_000)).as("pong after " + frame).isNotNull();
    }

    private static synchronized WsFrames socket() throws Exception {
        if (socket == null) {
            socket = WsFrames.open(FuzzApp.get().admin);
        }
        return socket;
    }
}
