package dev.ccui.adapters.process.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A transcript read while the CLI is still writing it gives the same facts as one read of the finished file. */
class FileTranscriptStoreIncrementalTest {
    @TempDir
    Path config;

    @Test
    void halfAFileThenTheRestAddsUpToTheWhole() throws Exception {
        Path fixtures = FileTranscriptStoreFixtureTest.copyFixtures(config.resolve("fixtures"));
        byte[] whole = Files.readAllBytes(fixtures.resolve(FileTranscriptStoreFixtureTest.TOOLS + ".jsonl"));
        Path file = config.resolve("projects/-home-dev-proj/session.jsonl");
        // Byte 12,000 is inside line 14, the second line of msg_fake_0fc333f26e3c4c13, whose first line
        // ends before it: the message's usage must not count again in the second read.
        int cut = 12_000;
        TestRecords.append(file, Arrays.copyOf(whole, cut));
        FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());

        TranscriptDelta first = store.read(transcript(store), 0, null).orElseThrow();
        assertThat(first.endOffset()).isEqualTo(11_835);
        assertThat(first.lastMessageId()).isEqualTo("msg_fake_0fc333f26e3c4c13");
        assertThat(first.inputTokens()).isEqualTo(13_448);

        TestRecords.append(file, Arrays.copyOfRange(whole, cut, whole.length));
        TranscriptDelta second = store.read(transcript(store), first.endOffset(), first.lastMessageId())
                .orElseThrow();
        TranscriptDelta once = store.read(transcript(store), 0, null).orElseThrow();

        assertThat(second.endOffset()).isEqualTo(whole.length).isEqualTo(once.endOffset());
        assertThat(first.inputTokens() + second.inputTokens())
                .isEqualTo(once.inputTokens())
                .isEqualTo(54_249);
        assertThat(first.outputTokens() + second.outputTokens())
                .isEqualTo(once.outputTokens())
                .isEqualTo(48);
        List<IndexedLine> lines = new ArrayList<>(first.lines());
        lines.addAll(second.lines());
        assertThat(lines).isEqualTo(once.lines());
        assertThat(first.firstPrompt()).isEqualTo(once.firstPrompt());
        assertThat(second.firstPrompt()).isEqualTo("USE_WRITE deny this one");
        assertThat(second.lastPrompt()).isEqualTo(once.lastPrompt());
        Map<Long, Double> cost = new HashMap<>(first.costByProcessStart());
        cost.putAll(second.costByProcessStart());
        assertThat(cost).isEqualTo(once.costByProcessStart());
        assertThat(second.lastMessageId()).isEqualTo(once.lastMessageId());
        assertThat(first.sessionId()).isEqualTo(second.sessionId()).isEqualTo(once.sessionId());
        assertThat(first.searchText() + "\n" + second.searchText()).isEqualTo(once.searchText());
    }

    @Test
    void aReadWithNothingNewKeepsThePreviousMessageId() throws Exception {
        Path file = config.resolve("projects/p/s.jsonl");
        TestRecords.append(file, TestRecords.assistant("a1", "msg_1", List.of(TestRecords.text("hi")), 10, 1));
        FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());
        TranscriptDelta first = store.read(transcript(store), 0, null).orElseThrow();

        TranscriptDelta again = store.read(transcript(store), first.endOffset(), first.lastMessageId())
                .orElseThrow();

        assertThat(again.endOffset()).isEqualTo(first.endOffset());
        assertThat(again.lines()).isEmpty();
        assertThat(again.lastMessageId()).isEqualTo("msg_1");
        assertThat(again.inputTokens()).isZero();
    }

    @Test
    void anOffsetPastTheEndReadsNothing() throws Exception {
        Path file = config.resolve("projects/p/s.jsonl");
        TestRecords.append(file, TestRecords.user("u1", "hello"));
        FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());

        TranscriptDelta delta = store.read(transcript(store), 10_000, "msg_x").orElseThrow();

        assertThat(delta.endOffset()).isEqualTo(10_000);
        assertThat(delta.lines()).isEmpty();
        assertThat(delta.sessionId()).isNull();
    }

    @Test
    void theByteCapStopsAtALineEndAndTheRestFollows() throws Exception {
        Path file = config.resolve("projects/p/s.jsonl");
        for (int i = 0; i < 100; i++) {
            TestRecords.append(file, TestRecords.user("u" + i, "prompt number " + i + " " + "x".repeat(2_000)));
        }
        TranscriptLimits limits = new TranscriptLimits(8 << 20, 10_000, 10_000, 256 << 10, 1_000, 4);
        FileTranscriptStore store = new FileTranscriptStore(config, limits);
        TranscriptFile transcript = transcript(store);

        long offset = 0;
        int reads = 0;
        int lines = 0;
        while (offset < transcript.size()) {
            TranscriptDelta delta = store.read(transcript, offset, null).orElseThrow();
            assertThat(delta.endOffset()).isGreaterThan(offset);
            offset = delta.endOffset();
            lines += delta.lines().size();
            reads++;
        }

        assertThat(lines).isEqualTo(100);
        assertThat(reads).isBetween(15, 25);
    }

    private static TranscriptFile transcript(FileTranscriptStore store) {
        return store.listFiles().getFirst();
    }
}
