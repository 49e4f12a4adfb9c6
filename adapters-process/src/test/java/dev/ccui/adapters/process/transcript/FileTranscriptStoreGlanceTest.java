package dev.ccui.adapters.process.transcript;

import static dev.ccui.adapters.process.transcript.TestRecords.CWD;
import static dev.ccui.adapters.process.transcript.TestRecords.SESSION;
import static dev.ccui.adapters.process.transcript.TestRecords.assistant;
import static dev.ccui.adapters.process.transcript.TestRecords.text;
import static dev.ccui.adapters.process.transcript.TestRecords.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listing's glance at a transcript: a bounded read of its head and tail names the session as a
 * full read would and places it in the same project, whatever the file's size.
 */
class FileTranscriptStoreGlanceTest {
    @TempDir
    Path config;

    private Path file() {
        return config.resolve("projects/-home-dev-proj/" + SESSION + ".jsonl");
    }

    private FileTranscriptStore store() {
        return new FileTranscriptStore(config, TranscriptLimits.defaults());
    }

    @Test
    void aSmallFileIsSeenWholeAndTellsWhatAFullReadTells() {
        TestRecords.append(
                file(),
                user("u1", "first question")
                        + assistant("a1", "m1", List.of(text("answer")), 10, 5)
                        + TestRecords.line(
                                Map.of("type", "ai-title", "aiTitle", "A small session", "sessionId", SESSION)));
        FileTranscriptStore store = store();
        TranscriptFile file = store.listFiles().getFirst();

        TranscriptDelta glance = store.glance(file).orElseThrow();
        TranscriptDelta read = store.read(file, 0, null).orElseThrow();

        assertThat(glance.sessionId()).isEqualTo(read.sessionId()).isEqualTo(SESSION);
        assertThat(glance.cwd()).isEqualTo(read.cwd()).isEqualTo(CWD);
        assertThat(glance.aiTitle()).isEqualTo(read.aiTitle()).isEqualTo("A small session");
        assertThat(glance.firstPrompt()).isEqualTo(read.firstPrompt()).isEqualTo("first question");
        assertThat(glance.lastTimestamp()).isEqualTo(read.lastTimestamp());
        assertThat(glance.lines()).isEqualTo(read.lines());
        // What only the full read counts.
        assertThat(glance.inputTokens()).isZero();
        assertThat(glance.searchText()).isEmpty();
    }

    @Test
    void aLargeFileIsReadOnlyAtItsHeadAndTail() {
        StringBuilder content = new StringBuilder(user("u0", "the first prompt"));
        String filler = "x".repeat(2_000);
        for (int i = 1; i <= 2_000; i++) {
            content.append(assistant("a" + i, "m" + i, List.of(text(filler)), 1, 1));
        }
        TestRecords.append(file(), content.toString());
        Map<String, Object> moved = TestRecords.base("user", "u-last", "2026-01-02T09:00:00Z");
        moved.put("cwd", "/home/dev/moved");
        moved.put("message", Map.of("role", "user", "content", "the last prompt"));
        TestRecords.append(
                file(),
                TestRecords.line(moved)
                        + TestRecords.line(Map.of(
                                "type", "custom-title", "customTitle", "Named at the end", "sessionId", SESSION)));
        FileTranscriptStore store = store();
        TranscriptFile file = store.listFiles().getFirst();

        TranscriptDelta glance = store.glance(file).orElseThrow();
        TranscriptDelta read = store.read(file, 0, null).orElseThrow();

        assertThat(file.size()).isGreaterThan(4_000_000);
        assertThat(glance.sessionId()).isEqualTo(read.sessionId());
        assertThat(glance.cwd()).isEqualTo(read.cwd()).isEqualTo("/home/dev/moved");
        assertThat(glance.customTitle()).isEqualTo(read.customTitle()).isEqualTo("Named at the end");
        assertThat(glance.firstPrompt()).isEqualTo(read.firstPrompt()).isEqualTo("the first prompt");
        assertThat(glance.firstTimestamp()).isEqualTo(read.firstTimestamp());
        assertThat(glance.lastTimestamp())
                .isEqualTo(read.lastTimestamp())
                .isEqualTo(Instant.parse("2026-01-02T09:00:00Z"));
        // A lower bound of the messages, every one of them a line the full read finds too.
        assertThat(glance.lines()).isNotEmpty().hasSizeLessThan(50);
        assertThat(read.lines()).containsAll(glance.lines());
        assertThat(glance.lines())
                .extracting(IndexedLine::ref)
                .allSatisfy(ref -> assertThat(ref.offset()).isNotNegative());
    }

    @Test
    void aHeadThatHoldsNoCompleteRecordTellsNothing() {
        // The first line alone is longer than the head: only a full read can name the session.
        TestRecords.append(file(), user("u1", "y".repeat(100_000)) + user("u2", "short"));
        FileTranscriptStore store = store();

        assertThat(store.glance(store.listFiles().getFirst())).isEmpty();
    }

    @Test
    void aFileGoneSinceTheListingTellsNothing() {
        TestRecords.append(file(), user("u1", "hello"));
        FileTranscriptStore store = store();
        TranscriptFile file = store.listFiles().getFirst();

        assertThat(file.path().toFile().delete()).isTrue();

        assertThat(store.glance(file)).isEmpty();
    }
}
