package dev.ccui.adapters.process.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.history.port.out.TranscriptDelta;
import dev.ccui.application.history.port.out.TranscriptFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void aSmallCorpusReadsBackToWhatWasWritten() throws IOException {
        Path config = dir.resolve("a");
        CorpusGenerator.Stats stats = new CorpusGenerator(7).generate(config, 3, 12, 3_000_000);
        FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());

        List<TranscriptFile> files = store.listFiles();
        long lines = 0;
        long input = 0;
        long output = 0;
        long bytes = 0;
        for (TranscriptFile file : files) {
            TranscriptDelta delta = store.read(file, 0, null).orElseThrow();
            assertThat(delta.endOffset()).isEqualTo(file.size());
            assertThat(delta.badLines()).isZero();
            assertThat(delta.sessionId()).isNotNull();
            assertThat(delta.cwd()).startsWith("/home/dev/");
            assertThat(delta.costByProcessStart()).hasSize(1);
            if (!file.subagent()) {
                assertThat(delta.aiTitle()).isNotBlank();
                assertThat(delta.firstPrompt()).isNotBlank().doesNotStartWith("<");
            }
            lines += delta.lines().size();
            input += delta.inputTokens();
            output += delta.outputTokens();
            bytes += file.size();
        }

        assertThat(files).hasSize(stats.files());
        assertThat(files.stream().filter(f -> !f.subagent())).hasSize(12);
        assertThat(bytes).isEqualTo(stats.bytes()).isBetween(2_500_000L, 4_000_000L);
        assertThat(lines).isEqualTo(stats.messageLines());
        assertThat(input).isEqualTo(stats.inputTokens());
        assertThat(output).isEqualTo(stats.outputTokens());
    }

    @Test
    void anEvenCorpusHasNoSessionFarFromTheMeanSize() throws IOException {
        Path config = dir.resolve("even");
        new CorpusGenerator(5).generate(config, 4, 40, 8_000_000, CorpusGenerator.Shape.EVEN);
        FileTranscriptStore store = new FileTranscriptStore(config, TranscriptLimits.defaults());

        List<TranscriptFile> sessions =
                store.listFiles().stream().filter(f -> !f.subagent()).toList();
        assertThat(sessions).hasSize(40);
        // A session stops after the turn that reaches its target, so it may pass it by one turn.
        assertThat(sessions).allSatisfy(f -> assertThat(f.size()).isBetween(150_000L, 250_000L + 60_000L));
        assertThat(sessions.stream().mapToLong(TranscriptFile::size).sum()).isBetween(7_500_000L, 9_500_000L);
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws IOException {
        new CorpusGenerator(11).generate(dir.resolve("one"), 2, 4, 400_000);
        new CorpusGenerator(11).generate(dir.resolve("two"), 2, 4, 400_000);

        List<Path> one = files(dir.resolve("one"));
        List<Path> two = files(dir.resolve("two"));
        assertThat(one).hasSameSizeAs(two).isNotEmpty();
        for (int i = 0; i < one.size(); i++) {
            assertThat(dir.resolve("one").relativize(one.get(i)))
                    .isEqualTo(dir.resolve("two").relativize(two.get(i)));
            assertThat(Files.mismatch(one.get(i), two.get(i))).isEqualTo(-1L);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
