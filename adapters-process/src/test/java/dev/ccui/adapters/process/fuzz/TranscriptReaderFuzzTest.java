package dev.ccui.adapters.process.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ccui.adapters.process.transcript.FileTranscriptStore;
import dev.ccui.adapters.process.transcript.TranscriptLimits;
import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * A hostile transcript file (any bytes: broken JSON, odd shapes, huge numbers, invalid UTF-8):
 * reading it from any offset, then the messages at its lines, never throws and never reads past
 * the end.
 */
class TranscriptReaderFuzzTest {
    private static final Path ROOT = folder();
    private static final FileTranscriptStore STORE = new FileTranscriptStore(ROOT, TranscriptLimits.defaults());

    @FuzzTest(maxDuration = "10s")
    void readsAnyFileWithoutThrowing(FuzzedDataProvider data) throws IOException {
        boolean subagent = data.consumeBoolean();
        long from = data.consumeLong(0, 64);
        byte[] content = data.consumeRemainingAsBytes();
        Path file = ROOT.resolve("projects").resolve("p").resolve("fuzz.jsonl");
        Files.write(file, content);
        TranscriptFile transcript = new TranscriptFile(file, content.length, Instant.EPOCH, "fuzz", subagent);

        Optional<TranscriptDelta> delta = STORE.read(transcript, Math.min(from, content.length), null);

        delta.ifPresent(d -> {
            assertThat(d.endOffset()).isBetween(0L, (long) content.length);
            var lines = d.lines().stream().map(IndexedLine::ref).toList();
            var seqs = LongStream.range(0, lines.size()).boxed().toList();
            assertThat(STORE.messagesAt(lines, seqs)).isNotNull();
        });
        STORE.glance(transcript);
    }

    private static Path folder() {
        try {
            Path root = Files.createTempDirectory("ccui-fuzz-transcripts");
            Files.createDirectories(root.resolve("projects").resolve("p"));
            root.toFile().deleteOnExit();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
