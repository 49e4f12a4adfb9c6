package dev.ccui.adapters.persistence.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.TestDatabases;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.project.JdbiProjectRepository;
import dev.ccui.application.history.port.out.FileState;
import dev.ccui.application.history.port.out.IndexedLine;
import dev.ccui.application.history.port.out.IndexedSession;
import dev.ccui.application.history.port.out.LineRef;
import dev.ccui.domain.project.Project;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Figures, not assertions on them: the indexer's first scan of 10,000 small transcripts, then
 * the reads the UI makes most, on SQLite and on the PostgreSQL server. A benchmark run by hand
 * (not part of the test suite): see {@code ops/bench/README.md}.
 */
public final class HistoryIndexBenchmark {
    private static final int SESSIONS = 10_000;
    private static final int PROJECTS = 50;
    private static final int CALLS = 200;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] VOCABULARY = ("the a to of and in is it for on with that this be refactor test build "
                    + "deploy error fix function class method java python rust database query index migration commit branch "
                    + "merge review docker kubernetes service endpoint request response cache latency memory thread")
            .split(" ");

    private HistoryIndexBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("ccui-index-bench");
        try (Database database = TestDatabases.sqlite(folder)) {
            run("sqlite", database);
        }
        try (var schema = TestDatabases.postgres()) {
            run("postgresql", schema.database());
        }
    }

    private static void run(String name, Database database) {
        var projects = new JdbiProjectRepository(database.jdbi());
        var writer = new JdbiSessionIndexWriter(database);
        var query = new JdbiSessionIndexQuery(database);
        List<ProjectId> projectIds = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            Project project =
                    new Project(ProjectId.random(), "/work/p" + p, "p" + p, false, false, false, true, null, T0, T0);
            projects.insert(project);
            projectIds.add(project.id());
        }
        Random random = new Random(42);
        long start = System.nanoTime();
        for (int i = 0; i < SESSIONS; i++) {
            String id = "bench-" + i;
            String file = "/home/u/.claude/projects/p" + (i % PROJECTS) + "/" + id + ".jsonl";
            List<IndexedLine> lines = new ArrayList<>();
            for (int l = 0; l < 5; l++) {
                lines.add(new IndexedLine(
                        new LineRef(file, l * 400L, 399),
                        l % 2 == 0 ? "user" : "assistant",
                        T0.plusSeconds(i * 60L + l),
                        false,
                        false));
            }
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                text.append(VOCABULARY[random.nextInt(VOCABULARY.length)]).append(' ');
            }
            if (i % 100 == 0) {
                text.append("zanzibar");
            }
            var session = new IndexedSession(
                    new SessionId(id),
                    projectIds.get(i % PROJECTS),
                    "/work/p" + (i % PROJECTS),
                    null,
                    null,
                    null,
                    null,
                    "please " + text.substring(0, 30),
                    "last",
                    "main",
                    T0.plusSeconds(i * 60L),
                    T0.plusSeconds(i * 60L + 4),
                    5,
                    Set.of("claude-sonnet-4-5"),
                    1000,
                    2000,
                    Map.of(T0.toEpochMilli(), 0.01),
                    false,
                    5);
            // reset, as the indexer reads a file it has not seen before
            writer.apply(
                    session,
                    new FileState(file, session.id(), 2000, T0, "ino" + i, 2000, "msg_" + i, 0),
                    lines,
                    text.toString(),
                    true);
        }
        long applyMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(query.stats().sessions()).isEqualTo(SESSIONS);
        System.out.printf(
                "[bench %s] apply %d sessions (5 lines, ~40 words each): %d ms (%.2f ms/apply)%n",
                name, SESSIONS, applyMillis, applyMillis / (double) SESSIONS);

        ProjectId first = projectIds.get(0);
        String second = query.listSessions(first, 50, null, false).nextCursor();
        // Right after a bulk load the planner has no statistics yet (PostgreSQL's autovacuum
        // gathers them within about a minute); the figures are printed before and after.
        for (String phase : List.of("before ANALYZE", "after ANALYZE")) {
            String label = name + ", " + phase;
            time(label, "overview(null), 50 projects", () -> projects.overview((UserId) null));
            time(
                    label,
                    "listSessions(first page of 50, 200 sessions)",
                    () -> query.listSessions(first, 50, null, false));
            time(label, "listSessions(second page via cursor)", () -> query.listSessions(first, 50, second, false));
            time(
                    label,
                    "search(\"zanzibar\") rare word, all projects, limit 20",
                    () -> query.search("zanzibar", projectIds, 20));
            time(
                    label,
                    "search(\"deploy error\") common words, all projects, limit 20",
                    () -> query.search("deploy error", projectIds, 20));
            time(
                    label,
                    "search(\"deploy error\") common words, one project, limit 20",
                    () -> query.search("deploy error", List.of(first), 20));
            database.jdbi().useHandle(h -> h.execute("ANALYZE"));
        }
    }

    private static void time(String name, String what, Supplier<?> call) {
        for (int i = 0; i < 10; i++) {
            call.get();
        }
        long[] micros = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            Object result = call.get();
            micros[i] = (System.nanoTime() - start) / 1000;
            assertThat(result).isNotNull();
        }
        Arrays.sort(micros);
        System.out.printf(
                "[bench %s] %s x%d: p50 %.2f ms, p99 %.2f ms%n",
                name, what, CALLS, micros[CALLS / 2] / 1000.0, micros[CALLS * 99 / 100] / 1000.0);
    }
}
