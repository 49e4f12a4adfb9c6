package dev.ccui.adapters.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.DatabaseContract;
import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.project.JdbiProjectRepository;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.SessionIndexWriter;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQLite's search from the best-ranked chunks first answers exactly what ranking every matching
 * chunk answers: pages deep and shallow, when the best chunks belong to hidden sessions or to
 * projects the caller cannot see, with ties, and when it has to give up and rank everything.
 */
class SqliteSearchFromBestChunksIT extends DatabaseContract {
    private static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");
    private ProjectId alpha;
    private ProjectId beta;
    private JdbiSessionIndexQuery query;

    @Override
    protected TestDatabases.Opened open(Path folder) {
        return TestDatabases.sqliteOpened(folder);
    }

    @BeforeEach
    void setUp() {
        var projects = new JdbiProjectRepository(database().jdbi());
        alpha = ProjectId.random();
        beta = ProjectId.random();
        projects.insert(new Project(alpha, "/work/alpha", "alpha", false, false, false, true, null, T0, T0));
        projects.insert(new Project(beta, "/work/beta", "beta", false, false, false, true, null, T0, T0));
        query = new JdbiSessionIndexQuery(database());
    }

    /**
     * {@code sessions} sessions of two chunks each; every third in beta, every seventh hidden. The
     * word {@code kafka} is in all of them, more often (ranked better) in beta's and the hidden ones,
     * so the best chunks are mostly ones the caller of alpha may not see; {@code repeats} sets ties.
     */
    private void write(int sessions, int repeats) {
        List<SessionIndexWriter.Applied> applied = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            boolean inBeta = i % 3 == 0;
            boolean hidden = i % 7 == 0;
            // Ids in the opposite order of the rows: among chunks ranked equal, FTS5 gives the earlier
            // rows first, the whole ranking the smaller session ids.
            SessionId id = new SessionId(new UUID(0x5eed, 1_000_000 - i).toString());
            IndexedSession session = new IndexedSession(
                    id,
                    inBeta ? beta : alpha,
                    "/work",
                    null,
                    null,
                    null,
                    null,
                    "prompt " + i,
                    null,
                    null,
                    T0,
                    T0.plusSeconds(i),
                    0,
                    Set.of(),
                    0,
                    0,
                    Map.of(),
                    hidden,
                    0);
            for (int file = 0; file < 2; file++) {
                int kafkas = 1 + (i % repeats) + (inBeta || hidden ? 6 : 0) + file;
                String text = ("kafka ").repeat(kafkas) + ("filler words about queues ").repeat(1 + i % 5);
                String path = "/t/" + id + "-" + file + ".jsonl";
                applied.add(new SessionIndexWriter.Applied(
                        session, new FileState(path, id, 10, T0, path, 10, null, 0), List.of(), text, false));
            }
        }
        new JdbiSessionIndexWriter(database()).applyAll(applied);
    }

    private void assertSameAsRankingEverything(String words, List<ProjectId> projects, int limit, int offset) {
        assertThat(query.search(words, projects, limit, offset))
                .as("%s in %s, limit %d offset %d", words, projects, limit, offset)
                .isEqualTo(query.searchRankingEverything(words, projects, limit, offset));
    }

    @Test
    void pagesFromTheBestChunksAreThoseOfTheWholeRanking() {
        write(400, 4);

        for (List<ProjectId> projects : List.of(List.of(alpha), List.of(beta), List.of(alpha, beta))) {
            for (int[] page : new int[][] {{10, 0}, {20, 0}, {20, 40}, {50, 100}, {5, 195}, {30, 250}, {10, 390}}) {
                assertSameAsRankingEverything("kafka", projects, page[0], page[1]);
            }
        }
        assertThat(query.search("kafka", List.of(alpha), 20, 0))
                .hasSize(20)
                .allSatisfy(hit -> assertThat(hit.projectId()).isEqualTo(alpha));
        assertSameAsRankingEverything("queues kafka", List.of(alpha), 25, 10);
        assertSameAsRankingEverything("absent", List.of(alpha), 10, 0);
    }

    @Test
    void whenTheBestChunksNeverSettleThePageEverythingIsRanked() {
        // Over SqliteBestChunks.MAX_CHUNKS chunks, nearly all better than alpha's few.
        write(2_200, 1);

        assertSameAsRankingEverything("kafka", List.of(alpha), 10, 0);
        // So deep a page is ranked whole at once (four times the page is over the bound).
        assertSameAsRankingEverything("kafka", List.of(alpha), 10, 1_200);
        assertThat(query.search("kafka", List.of(alpha), 10, 0)).hasSize(10);
        assertThat(query.search("kafka", List.of(alpha), 10, 1_200)).hasSize(10);
    }
}
