package dev.ccui.bootstrap.nodes;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.DatabaseSettings;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.TranscriptFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes indexing one transcript folder (shared storage) into one PostgreSQL database, their
 * passes started at the same moment, again and again: the index ends exactly as one node alone
 * makes it, no line, text or file twice. A node configured not to index reads the same index.
 */
@Timeout(240)
class TwoNodesIndexingIT {
    private static final int COPIES = 15;

    @TempDir
    Path folder;

    /** The fixtures, each copied under new session ids: many files, so that passes really overlap. */
    private static void manyTranscripts(Path claudeDir, Path projectDir) throws Exception {
        Path dir = TranscriptFixtures.install(claudeDir, projectDir);
        for (String session : TranscriptFixtures.SESSIONS) {
            String text = Files.readString(dir.resolve(session + ".jsonl"));
            for (int i = 0; i < COPIES; i++) {
                String copy = UUID.randomUUID().toString();
                Files.writeString(dir.resolve(copy + ".jsonl"), text.replace(session, copy));
            }
        }
    }

    private static Map<String, Long> counts(String url) {
        try (Database database = Database.open(DatabaseSettings.fromUrl(url, 2))) {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : List.of("sessions", "transcript_files", "session_lines", "session_search_text")) {
                counts.put(
                        table,
                        database.jdbi()
                                .withHandle(h -> h.createQuery("SELECT count(*) FROM " + table)
                                        .mapTo(Long.class)
                                        .one()));
            }
            counts.put(
                    "duplicate lines",
                    database.jdbi()
                            .withHandle(h -> h.createQuery(
                                            "SELECT count(*) FROM (SELECT file_path, byte_offset"
                                                    + " FROM session_lines GROUP BY file_path, byte_offset HAVING count(*) > 1) d")
                                    .mapTo(Long.class)
                                    .one()));
            return counts;
        }
    }

    @Test
    void passesOfTwoNodesOnOneFolderNeverIndexALineTwice() throws Exception {
        Path base = folder.toRealPath();
        Path claude = base.resolve("claude");
        manyTranscripts(claude, base.resolve("work").resolve("proj"));
        Map<String, String> shared = Map.of(
                "CLAUDE_CONFIG_DIR",
                claude.toString(),
                "CCUI_WORKSPACES_ROOT",
                base.resolve("work").toString());

        Map<String, Long> alone;
        try (var reference = TestApplication.postgres(Files.createDirectories(base.resolve("reference")), shared)) {
            reference.application().history().indexer().scanAll();
            alone = counts(reference.postgresUrl());
        }
        assertThat(alone.get("session_lines")).isPositive();
        assertThat(alone.get("duplicate lines")).isZero();
        assertThat(alone.get("sessions")).isEqualTo(3L * (COPIES + 1));

        Map<String, String> reader = new LinkedHashMap<>(shared);
        reader.put("CCUI_INDEX_TRANSCRIPTS", "false");
        try (var a = TestApplication.postgres(Files.createDirectories(base.resolve("a")), shared);
                var b = TestApplication.postgresNodeBeside(a, Files.createDirectories(base.resolve("b")), shared);
                var c = TestApplication.postgresNodeBeside(a, Files.createDirectories(base.resolve("c")), reader)) {
            for (int round = 0; round < 3; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<CompletableFuture<Void>> passes = new ArrayList<>();
                for (var node : List.of(a, b)) {
                    passes.add(CompletableFuture.runAsync(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        node.application().history().indexer().scanAll();
                    }));
                }
                go.countDown();
                passes.forEach(CompletableFuture::join);
                assertThat(counts(a.postgresUrl())).as("after round " + round).isEqualTo(alone);
            }
            // The node that does not index starts, serves, and never scans.
            String baseC = c.startHttp();
            assertThat(c.application().history().indexer().indexProgress().filesDone())
                    .isZero();
            var admin = ApiClient.setUpAdmin(baseC);
            assertThat(json(admin.get("/api/sessions/" + TranscriptFixtures.SESSIONS.getFirst()))
                            .get("id")
                            .asText())
                    .isEqualTo(TranscriptFixtures.SESSIONS.getFirst());
        }
    }
}
