package dev.ccui.bootstrap.faults;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JarProcess;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executable jar on its SQLite file killed with SIGKILL while a run streams events into the
 * log and clients write: after a restart the database passes SQLite's integrity check, every
 * write that was answered is there, the session's event log has no gap and ends with the run
 * marked {@code lost}, no claude process outlives the app, and the session goes on.
 */
@Timeout(240)
class AppKilledDuringWritesIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path folder;

    @Test
    void sigkillDuringWritesLeavesAConsistentDatabaseAndAGaplessEventLog() throws Exception {
        Path base = folder.toRealPath();
        Path cwd = Files.createDirectories(base.resolve("work").resolve("app"));
        try (FakeMessagesApi api = new FakeMessagesApi()) {
            Map<String, String> env = new HashMap<>(TestApplication.baseEnvironment(base));
            env.putAll(TestApplication.cliEnvironment(base, TestCli.path().toString(), api.baseUrl()));
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            String sessionId;
            String runId;
            List<ProcessHandle> cli;
            try (JarProcess jar = JarProcess.start(env)) {
                ApiClient admin = ApiClient.setUpAdmin(url(jar));
                String projectId = json(admin.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                        .get("id")
                        .asText();
                var started = json(admin.post(
                        "/api/runs",
                        "{\"projectId\":\"" + projectId + "\",\"prompt\":\"SLOW please\",\"clientMessageId\":\""
                                + UUID.randomUUID() + "\"}"));
                sessionId = started.get("sessionId").asText();
                runId = started.get("runId").asText();
                String session = sessionId;
                Poll.until(
                        "the run streaming; app output:\n" + String.join("\n", jar.output()),
                        Duration.ofSeconds(60),
                        () -> eventCount(admin, session) > 10 ? true : null);

                // Writers keep going until the kill; what they were answered 201 for must survive it.
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < 3; w++) {
                    int writer = w;
                    writers.add(Thread.ofVirtual().start(() -> {
                        for (int i = 0; ; i++) {
                            String name = "key-" + writer + "-" + i;
                            try {
                                var response = admin.post("/api/api-keys", "{\"name\":\"" + name + "\"}");
                                if (response.statusCode() == 201) {
                                    acknowledged.add(name);
                                }
                            } catch (RuntimeException e) {
                                return; // the app is gone
                            }
                        }
                    }));
                }
                Poll.until(
                        "some acknowledged writes",
                        Duration.ofSeconds(30),
                        () -> acknowledged.size() > 20 ? true : null);
                cli = ProcessHandle.of(jar.pid()).orElseThrow().descendants().toList();
                assertThat(cli).as("the claude CLI runs under the app").isNotEmpty();

                ProcessHandle.of(jar.pid()).orElseThrow().destroyForcibly();
                assertThat(jar.awaitExit(Duration.ofSeconds(20))).isEqualTo(137);
                for (Thread writer : writers) {
                    writer.join(Duration.ofSeconds(30));
                }
            }
            assertThat(Poll.within(Duration.ofSeconds(15), () -> cli.stream().noneMatch(ProcessHandle::isAlive)))
                    .as("claude processes outliving the killed app: "
                            + cli.stream()
                                    .filter(ProcessHandle::isAlive)
                                    .map(p -> p.pid() + " "
                                            + p.info().commandLine().orElse("?"))
                                    .toList())
                    .isTrue();

            Path db = base.resolve("data").resolve("ccui.db");
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                    var check = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
                assertThat(check.next()).isTrue();
                assertThat(check.getString(1)).isEqualTo("ok");
            }

            try (JarProcess again = JarProcess.start(env)) {
                String url = url(again);
                var login = new ApiClient(url, null)
                        .post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
                ApiClient admin = new ApiClient(url, json(login).get("token").asText());
                List<String> keys = json(admin.get("/api/api-keys"))
                        .valueStream()
                        .map(k -> k.path("name").asText())
                        .toList();
                assertThat(keys).as("every acknowledged key").containsAll(acknowledged);

                assertThat(json(admin.get("/api/runs/" + runId)).path("state").asText())
                        .isEqualTo("lost");
                List<JsonNode> events = json(admin.get("/api/sessions/" + sessionId + "/events?afterSeq=0&limit=5000"))
                        .path("items")
                        .valueStream()
                        .toList();
                for (int i = 0; i < events.size(); i++) {
                    assertThat(events.get(i).path("seq").asLong())
                            .as("event " + i)
                            .isEqualTo(i + 1L);
                }
                assertThat(events.getLast().path("event").path("kind").asText()).isEqualTo("run_ended");
                assertThat(events.getLast().path("event").path("reason").asText())
                        .isEqualTo("lost");

                var next = json(admin.post(
                        "/api/runs",
                        "{\"projectId\":\""
                                + json(admin.get("/api/runs/" + runId))
                                        .path("projectId")
                                        .asText()
                                + "\",\"sessionId\":\"" + sessionId + "\",\"prompt\":\"after the crash\","
                                + "\"clientMessageId\":\"" + UUID.randomUUID() + "\"}"));
                String nextRun = next.path("runId").asText();
                assertThat(Poll.until("the next run to end", Duration.ofSeconds(60), () -> {
                            String state = json(admin.get("/api/runs/" + nextRun))
                                    .path("state")
                                    .asText();
                            return List.of("completed", "failed", "interrupted", "lost")
                                            .contains(state)
                                    ? state
                                    : null;
                        }))
                        .isEqualTo("completed");
            }
        }
    }

    private static long eventCount(ApiClient admin, String sessionId) {
        return json(admin.get("/api/sessions/" + sessionId + "/events?afterSeq=0&limit=1000"))
                .path("items")
                .size();
    }

    private static String url(JarProcess jar) throws InterruptedException {
        Matcher listening =
                LISTENING.matcher(jar.awaitLine(l -> LISTENING.matcher(l).find(), Duration.ofSeconds(60)));
        assertThat(listening.find()).isTrue();
        return "http://127.0.0.1:" + listening.group(1);
    }
}
