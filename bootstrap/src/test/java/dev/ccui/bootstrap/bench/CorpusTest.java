package dev.ccui.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.process.transcript.CorpusGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir
    Path dir;

    @Test
    void countsEachProjectsSessionsByItsWorkingDirectoryAndNotItsSubagents() throws IOException {
        new CorpusGenerator(3).generate(dir.resolve(".claude"), 3, 40, 2_000_000, CorpusGenerator.Shape.EVEN);

        Corpus corpus = Corpus.read(dir.resolve(".claude/projects"));

        // Sessions go to the projects in turn (0, 1, 2, 0, …); subagent files are extra files, not sessions.
        assertThat(corpus.sessionsByCwd())
                .containsOnly(
                        Map.entry("/home/dev/work/project-0", 14),
                        Map.entry("/home/dev/work/project-1", 13),
                        Map.entry("/home/dev/work/project-2", 13));
        assertThat(corpus.sessions()).isEqualTo(40);
        assertThat(corpus.files()).hasSizeGreaterThan(40);
        assertThat(corpus.folderByCwd()).containsEntry("/home/dev/work/project-1", "-home-dev-work-project-1");
    }

    @Test
    void aListingIsCompleteOnlyWithEveryProjectAtItsCount() throws IOException {
        new CorpusGenerator(3).generate(dir.resolve(".claude"), 3, 40, 2_000_000, CorpusGenerator.Shape.EVEN);
        Corpus corpus = Corpus.read(dir.resolve(".claude/projects"));
        Map<String, Long> listing = new HashMap<>();
        listing.put("/home/dev/work/project-0", 14L);
        listing.put("/home/dev/work/project-1", 10L);

        Corpus.Check partial = corpus.check(listing);
        listing.put("/home/dev/work/project-1", 13L);
        listing.put("/home/dev/work/project-2", 13L);
        Corpus.Check complete = corpus.check(listing);

        assertThat(partial.complete()).isFalse();
        assertThat(partial.describe(corpus)).isEqualTo("2/3 projects, 24/40 sessions");
        assertThat(complete.complete()).isTrue();
        assertThat(complete.describe(corpus)).isEqualTo("3/3 projects, 40/40 sessions");
    }
}
