package dev.ccui.bootstrap.history;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.bootstrap.testing.TranscriptFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19, "nothing of the user's history is lost", with the real pinned CLI against the fake
 * Messages API: the recorded transcripts of a project, last written 60 days ago (past the CLI's
 * 30-day clean-up default), then a new chat run in that project through the API. The run is in
 * the same project because a sandboxed CLI (bubblewrap, when it works here) only sees its own
 * project's transcript folder, and starts with a private config dir each time, so its clean-up
 * runs on every start but only there. A canary transcript dated 1910, older than even the app's
 * 100-year period, shows the clean-up has run: the CLI's own marker may be out of sight.
 */
@Timeout(180)
class HistoryKeptAcrossCliCleanupIT {
    private static final String OLD_SESSION = "ac12bf22-f31a-498a-958c-9d2bfc1878cf";
    private static final String CANARY = "0c0c0c0c-1910-4000-8000-000000001910";
    private static final Duration DEADLINE = Duration.ofSeconds(45);

    @TempDir
    Path root;

    private FakeMessagesApi api;
    private TestApplication app;
    private ApiClient admin;
    private Path claudeDir;
    private Path oldTranscripts;
    private String projectId;

    private void start(Map<String, String> overrides) throws Exception {
        api = new FakeMessagesApi();
        Path base = root.toRealPath();
        claudeDir = base.resolve("claude");
        Path cwd = base.resolve("work").resolve("app");
        oldTranscripts = TranscriptFixtures.install(claudeDir, cwd);
        FileTime sixtyDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(60)));
        try (var files = Files.list(oldTranscripts)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, sixtyDaysAgo);
            }
        }
        Path canary = Files.writeString(
                oldTranscripts.resolve(CANARY + ".jsonl"),
                "{\"type\":\"user\",\"sessionId\":\""
                        + CANARY + "\",\"cwd\":\"" + cwd + "\",\"uuid\":\"c1\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                        + "\"message\":{\"role\":\"user\",\"content\":\"canary\"}}\n");
        Files.setLastModifiedTime(canary, FileTime.from(Instant.parse("1910-01-01T00:00:00Z")));
        Map<String, String> env = new HashMap<>(
                TestApplication.cliEnvironment(base, TestCli.path().toString(), api.baseUrl()));
        env.putAll(overrides);
        app = TestApplication.sqlite(base, env);
        admin = ApiClient.setUpAdmin(app.startHttp());
        app.application().history().indexer().scanAll();
        projectId = oldProject().get("id").asText();
        assertThat(oldProject().get("sessionCount").asLong()).isEqualTo(4);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void anOldTranscriptSurvivesARunAndStaysReadableAndSearchableEvenAfterAnRm() throws Exception {
        start(Map.of());
        runToTheEnd(projectId, null, "hello from today");
        waitFor(
                "the CLI's clean-up to delete the canary from 1910",
                () -> !Files.exists(oldTranscripts.resolve(CANARY + ".jsonl")));

        assertThat(oldTranscripts.resolve(OLD_SESSION + ".jsonl")).exists();
        app.application().history().indexer().scanAll();
        assertOldSessionReadableAndSearchable(false);

        // Second variant: the user removes the file by hand.
        Files.delete(oldTranscripts.resolve(OLD_SESSION + ".jsonl"));
        // The watcher usually reports it at once (ArchivedSessionsHttpIT); a pass is what every rescan does.
        app.application().history().indexer().scanAll();
        assertOldSessionReadableAndSearchable(true);
        assertThat(oldProject().get("archivedSessionCount").asLong())
                .as("the canary and the removed one")
                .isEqualTo(2);
    }

    @Test
    void whenTheClisOwnCleanUpDeletesTheOldTranscriptsTheSessionsAreKeptArchivedAndCanBeContinued() throws Exception {
        start(Map.of("CCUI_CLI_CLEANUP_PERIOD_DAYS", "cli"));
        runToTheEnd(projectId, null, "hello from today");
        waitFor(
                "the CLI to delete the 60-day-old transcripts",
                () -> !Files.exists(oldTranscripts.resolve(OLD_SESSION + ".jsonl")));
        app.application().history().indexer().scanAll();

        assertThat(oldProject().get("sessionCount").asLong())
                .as("the four old ones and today's")
                .isEqualTo(5);
        assertThat(oldProject().get("archivedSessionCount").asLong()).isEqualTo(4);
        assertOldSessionReadableAndSearchable(true);

        // Continuing it writes the transcript back first, so the CLI can --resume it.
        runToTheEnd(projectId, OLD_SESSION, "and one more thing");
        assertThat(oldTranscripts.resolve(OLD_SESSION + ".jsonl")).exists();
        app.application().history().indexer().scanAll();
        assertThat(session(OLD_SESSION).path("archived").asBoolean())
                .as("on disk again")
                .isFalse();
        assertThat(session(OLD_SESSION).path("messageCount").asLong()).isGreaterThan(9);
        JsonNode messages = json(admin.get("/api/sessions/" + OLD_SESSION + "/messages?after=-1&limit=100"))
                .get("items");
        assertThat(messages.get(0).at("/blocks/0/text").asText()).isEqualTo("USE_BASH allow this one");
        assertThat(messages.toString()).contains("You said: and one more thing");
        assertThat(api.messageRequests().getLast().path("messages").toString()).contains("USE_BASH allow this one");
    }

    private void assertOldSessionReadableAndSearchable(boolean archived) {
        JsonNode summary = session(OLD_SESSION);
        assertThat(summary.get("archived").asBoolean()).isEqualTo(archived);
        assertThat(summary.get("title").asText()).isEqualTo("USE_BASH allow this one");
        JsonNode listed = json(admin.get(
                        "/api/projects/" + oldProject().get("id").asText() + "/sessions"))
                .get("items");
        assertThat(listed).anySatisfy(s -> assertThat(s.get("id").asText()).isEqualTo(OLD_SESSION));
        JsonNode messages = json(admin.get("/api/sessions/" + OLD_SESSION + "/messages?limit=50"))
                .get("items");
        assertThat(messages).hasSize(9);
        assertThat(messages.get(0).at("/blocks/0/text").asText()).isEqualTo("USE_BASH allow this one");
        assertThat(messages.toString()).contains("echo hello > out.txt").doesNotContain("can no longer be read");
        assertThat(json(admin.get("/api/search?q=USE_BASH+allow")).get("items"))
                .anySatisfy(hit -> assertThat(hit.get("sessionId").asText()).isEqualTo(OLD_SESSION));
    }

    private JsonNode oldProject() {
        for (JsonNode project : json(admin.get("/api/projects"))) {
            if (project.get("path").asText().endsWith("/work/app")) {
                return project;
            }
        }
        throw new AssertionError("the old project is not listed");
    }

    private JsonNode session(String id) {
        return json(admin.get("/api/sessions/" + id));
    }

    private void runToTheEnd(String projectId, String sessionId, String prompt) {
        String session = sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"";
        var response = admin.post(
                "/api/runs",
                "{\"projectId\":\"" + projectId + "\",\"prompt\":\"" + prompt + "\"" + session
                        + ",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String runId = json(response).get("runId").asText();
        waitFor("run " + runId + " to complete", () -> {
            for (JsonNode run : json(admin.get("/api/runs")).get("items")) {
                if (run.get("id").asText().equals(runId)) {
                    String state = run.get("state").asText();
                    if (state.equals("failed") || state.equals("lost")) {
                        fail("the run ended " + state);
                    }
                    return state.equals("completed");
                }
            }
            return false;
        });
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what + " after " + DEADLINE);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
