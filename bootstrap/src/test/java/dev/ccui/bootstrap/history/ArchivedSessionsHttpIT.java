package dev.ccui.bootstrap.history;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.TranscriptFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session whose transcript file disappears (the CLI's clean-up, a user's {@code rm}) stays
 * listed, readable, searchable and exportable from the app's archive, marked archived.
 */
class ArchivedSessionsHttpIT {
    private static final String SESSION = "ac12bf22-f31a-498a-958c-9d2bfc1878cf";

    @TempDir
    Path folder;

    private TestApplication app;
    private ApiClient admin;
    private Path transcripts;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(Function<Path, TestApplication> database) throws Exception {
        transcripts = TranscriptFixtures.install(
                folder.resolve("claude"), folder.resolve("work").resolve("proj"));
        app = database.apply(folder);
        admin = ApiClient.setUpAdmin(app.startHttp());
        app.application().history().indexer().scanAll();
    }

    @Test
    void onSqliteADeletedTranscriptStaysReadableSearchableAndExportableMarkedArchived() throws Exception {
        start(TestApplication::sqlite);
        deletedButKept();
    }

    @Test
    void onPostgresqlADeletedTranscriptStaysReadableSearchableAndExportableMarkedArchived() throws Exception {
        start(TestApplication::postgres);
        deletedButKept();
    }

    private void deletedButKept() throws Exception {
        JsonNode before = json(admin.get("/api/sessions/" + SESSION + "/messages?limit=50"));
        assertThat(before.get("items")).hasSize(9);
        String markdownBefore = admin.get("/api/sessions/" + SESSION + "/export?format=markdown")
                .body();
        assertThat(json(admin.get("/api/sessions/" + SESSION)).get("archived").asBoolean())
                .isFalse();

        Files.delete(transcripts.resolve(SESSION + ".jsonl"));
        app.application().history().indexer().scanAll();

        JsonNode summary = json(admin.get("/api/sessions/" + SESSION));
        assertThat(summary.get("archived").asBoolean()).isTrue();
        assertThat(summary.get("archivedAt").isTextual()).isTrue();
        assertThat(summary.get("messageCount").asLong()).isEqualTo(9);
        assertThat(summary.get("title").asText()).isEqualTo("USE_BASH allow this one");
        JsonNode project = json(admin.get("/api/projects")).get(0);
        assertThat(project.get("sessionCount").asLong()).isEqualTo(3);
        assertThat(project.get("archivedSessionCount").asLong()).isEqualTo(1);
        JsonNode listed = json(admin.get("/api/projects/" + project.get("id").asText() + "/sessions"))
                .get("items");
        assertThat(listed)
                .hasSize(3)
                .filteredOn(s -> s.get("archived").asBoolean())
                .singleElement()
                .satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(SESSION));

        // Every message reads back exactly as it did from the file.
        assertThat(json(admin.get("/api/sessions/" + SESSION + "/messages?limit=50")))
                .isEqualTo(before);
        assertThat(admin.get("/api/sessions/" + SESSION + "/export?format=markdown")
                        .body())
                .isEqualTo(markdownBefore)
                .contains("echo hello > out.txt");
        assertThat(json(admin.get("/api/search?q=USE_BASH+allow")).get("items"))
                .anySatisfy(hit -> assertThat(hit.get("sessionId").asText()).isEqualTo(SESSION));
        assertThat(json(admin.get("/api/sessions/" + SESSION + "/matches?q=denied"))
                        .get("items"))
                .isNotEmpty();
        // The archive's size is reported to Prometheus.
        assertThat(admin.get("/metrics").body()).containsPattern("ccui_archive_stored_bytes\\S* [1-9]");

        // The folder emptied by a clean-up, then a rescan again: nothing changes.
        app.application().history().indexer().scanAll();
        assertThat(json(admin.get("/api/sessions/" + SESSION)).get("archived").asBoolean())
                .isTrue();
    }

    @Test
    void aTranscriptRemovedWhileTheAppWatchesIsArchivedWithinSeconds() throws Exception {
        start(TestApplication::sqlite);

        Files.delete(transcripts.resolve(SESSION + ".jsonl"));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!json(admin.get("/api/sessions/" + SESSION)).path("archived").asBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("the deleted transcript's session was not marked archived by the watcher");
            }
            Thread.sleep(50);
        }
        assertThat(json(admin.get("/api/sessions/" + SESSION + "/messages?limit=50"))
                        .get("items"))
                .hasSize(9);
    }

    @Test
    void withTheArchiveOffADeletedTranscriptsSessionIsForgottenAsBefore() throws Exception {
        start(f -> TestApplication.sqlite(f, Map.of("CCUI_ARCHIVE", "off")));

        Files.delete(transcripts.resolve(SESSION + ".jsonl"));
        app.application().history().indexer().scanAll();

        assertThat(admin.get("/api/sessions/" + SESSION).statusCode()).isEqualTo(404);
        assertThat(json(admin.get("/api/projects"))
                        .get(0)
                        .get("archivedSessionCount")
                        .asLong())
                .isZero();
    }

    @Test
    void anArchivedSessionIsForgottenOnceItsFileHasBeenGoneLongerThanTheRetention() throws Exception {
        start(f -> TestApplication.sqlite(f, Map.of("CCUI_ARCHIVE_RETENTION", "365d")));
        Files.delete(transcripts.resolve(SESSION + ".jsonl"));
        app.application().history().indexer().scanAll();
        assertThat(json(admin.get("/api/sessions/" + SESSION)).get("archived").asBoolean())
                .isTrue();

        // As if it vanished 400 days ago.
        try (var db = DriverManager.getConnection(
                        "jdbc:sqlite:" + folder.resolve("data").resolve("ccui.db"));
                var update = db.prepareStatement(
                        "UPDATE transcript_files SET archived_at = ? WHERE archived_at IS NOT NULL")) {
            update.setLong(1, Instant.now().minus(Duration.ofDays(400)).toEpochMilli());
            update.executeUpdate();
        }
        app.application().history().indexer().scanAll();

        assertThat(admin.get("/api/sessions/" + SESSION).statusCode()).isEqualTo(404);
        assertThat(json(admin.get("/api/projects")).get(0).get("sessionCount").asLong())
                .isEqualTo(2);
        assertThat(admin.get("/metrics").body()).containsPattern("ccui_archive_raw_bytes\\S* [1-9]");
    }
}
