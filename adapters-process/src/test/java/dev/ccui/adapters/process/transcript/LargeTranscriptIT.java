package dev.ccui.adapters.process.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import dev.ccui.domain.history.HistoryMessage;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 200 MB session read in capped steps, as the indexer does. */
class LargeTranscriptIT {
    @TempDir
    Path config;

    @Test
    void aTwoHundredMegabyteSessionIsReadInBoundedSteps() throws Exception {
        // The real tool-use session repeated, each copy with its own message ids (9 message lines,
        // 54,249 input and 48 output tokens per copy).
        Path fixtures = FileTranscriptStoreFixtureTest.copyFixtures(config.resolve("fixtures"));
        String block = Files.readString(fixtures.resolve(FileTranscriptStoreFixtureTest.TOOLS + ".jsonl"));
        int copies = (int) ((200L << 20) / block.length()) + 1;
        Path file = Files.createDirectories(config.resolve("projects/-home-dev-proj"))
                .resolve("big.jsonl");
        long writeStart = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < copies; i++) {
                out.write(block.replace("msg_fake_", "msg_fake_" + i + "_").getBytes(StandardCharsets.UTF_8));
            }
        }
        long writeMillis = (System.nanoTime() - writeStart) / 1_000_000;
        try {
            FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());
            TranscriptFile transcript = store.listFiles().getFirst();

            long start = System.nanoTime();
            long offset = 0;
            String lastMessageId = null;
            int reads = 0;
            long input = 0;
            long output = 0;
            List<LineRef> lastLines = new ArrayList<>();
            long lines = 0;
            while (offset < transcript.size()) {
                TranscriptDelta delta =
                        store.read(transcript, offset, lastMessageId).orElseThrow();
                assertThat(delta.endOffset() - offset).isLessThanOrEqualTo((64L << 20) + (8 << 20));
                assertThat(delta.badLines()).isZero();
                assertThat(delta.searchText().length()).isLessThanOrEqualTo(256 << 10);
                offset = delta.endOffset();
                lastMessageId = delta.lastMessageId();
                input += delta.inputTokens();
                output += delta.outputTokens();
                lines += delta.lines().size();
                lastLines = delta.lines().stream().map(IndexedLine::ref).toList();
                reads++;
            }
            long readMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "200 MB transcript: %d bytes written in %d ms, read in %d reads in %d ms (%.0f MB/s)%n",
                    transcript.size(), writeMillis, reads, readMillis, transcript.size() / 1e6 / (readMillis / 1e3));

            assertThat(offset).isEqualTo(transcript.size());
            assertThat(reads).isEqualTo(4);
            assertThat(lines).isEqualTo(9L * copies);
            assertThat(input).isEqualTo(54_249L * copies);
            assertThat(output).isEqualTo(48L * copies);

            List<LineRef> page = lastLines.subList(lastLines.size() - 50, lastLines.size());
            long pageStart = System.nanoTime();
            List<HistoryMessage> messages = store.messagesAt(
                    page, LongStream.range(lines - 50, lines).boxed().toList());
            System.out.printf(
                    "a page of 50 messages at the end read in %d ms%n", (System.nanoTime() - pageStart) / 1_000_000);
            assertThat(messages).hasSize(50).noneMatch(HistoryMessage::hidden);
            assertThat(messages.getLast().role()).isEqualTo("assistant");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
