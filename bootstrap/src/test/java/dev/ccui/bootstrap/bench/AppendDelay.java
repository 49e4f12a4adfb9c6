package dev.ccui.bootstrap.bench;

import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.WsFrames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The delay from appending a prompt line to a watched transcript to the {@code projects_changed} frame on {@code /ws}. */
final class AppendDelay {
    private AppendDelay() {}

    /** Appends {@code times} copies of the file's first prompt line, one at a time, and returns each delay in nanoseconds. */
    static long[] measure(ApiClient client, Path transcript, int times) throws Exception {
        String line = Files.readAllLines(transcript).stream()
                .filter(l -> l.contains("\"type\":\"user\""))
                .findFirst()
                .orElseThrow();
        long[] out = new long[times];
        try (WsFrames frames = WsFrames.open(client)) {
            for (int n = 0; n < out.length; n++) {
                frames.clear();
                long t = System.nanoTime();
                Files.writeString(transcript, line + "\n", StandardOpenOption.APPEND);
                frames.await("projects_changed", 10_000);
                out[n] = System.nanoTime() - t;
            }
        }
        return out;
    }
}
