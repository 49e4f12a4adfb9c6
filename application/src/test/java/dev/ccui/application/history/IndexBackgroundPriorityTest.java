package dev.ccui.application.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.application.history.port.out.BackgroundPriority;
import dev.ccui.application.history.port.out.IndexLock;
import dev.ccui.application.history.port.out.TranscriptArchive;
import dev.ccui.application.testing.HistoryFixture;
import dev.ccui.domain.session.SessionId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which of the index's threads yield to requests: those of a pass over many files, not a file that grew. */
class IndexBackgroundPriorityTest {
    private final HistoryFixture f = new HistoryFixture();
    /** The names of the threads that lowered themselves, one entry per call. */
    private final List<String> lowered = new CopyOnWriteArrayList<>();

    private final BackgroundPriority recording =
            () -> lowered.add(Thread.currentThread().getName());
    private final IndexService indexer = new IndexService(
            f.transcripts,
            f.stores.sessions,
            f.stores.projects,
            f.stores.users,
            f.events,
            f.clock,
            IndexSettings.defaults(),
            TranscriptArchive.NONE,
            null,
            IndexLock.NONE,
            recording);

    @Test
    void aPassOverManyFilesListsAndReadsThemOnLoweredThreads() {
        for (int i = 0; i < 20; i++) {
            f.transcripts.write("s-" + i, "/work/app", null, f.messages("hello", "world"), f.clock.instant());
        }

        indexer.scanAll();

        assertThat(lowered)
                .as("the listing's glancers and the full reads' parsers")
                .hasSize(ListingPass.GLANCERS + ParsePipeline.PARSERS)
                .allMatch(name -> name.startsWith("ccui-index-parser-"));
        assertThat(f.projects.listProjects(f.admin).getFirst().sessionCount()).isEqualTo(20);
    }

    @Test
    void aSingleFileIsReadAtTheServersPriority() {
        f.transcripts.write("s-one", "/work/app", null, f.messages("hello"), f.clock.instant());
        indexer.scanAll();
        lowered.clear();

        f.transcripts.write("s-one", "/work/app", null, f.messages("hello", "again"), f.clock.instant());
        indexer.scanAll();

        assertThat(lowered).isEmpty();
        assertThat(f.history.getSession(f.admin, new SessionId("s-one")).messageCount())
                .isEqualTo(2);
    }

    @Test
    void theIndexersOwnThreadLowersItselfWhenStarted() {
        indexer.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!lowered.contains("ccui-indexer") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } finally {
            indexer.close();
        }
        assertThat(lowered).contains("ccui-indexer");
    }
}
