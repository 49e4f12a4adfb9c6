package dev.ccui.bootstrap.nodes;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JarProcess;
import dev.ccui.bootstrap.testing.JsonSocketClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM drains the executable jar: health turns {@code draining} (503), new runs and terminals
 * are refused with {@code 503 DRAINING} and {@code Retry-After}, a run that finishes within
 * {@code CCUI_DRAIN_TIMEOUT} completes, one still active then ends {@code lost} (resumable), and
 * the process exits. A second node in this JVM shares the PostgreSQL database and reads what the
 * jar left behind.
 */
@Timeout(240)
class DrainOnSigtermIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration DRAIN = Duration.ofSeconds(15);

    @TempDir
    Path folder;

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static String state(ApiClient client, String runId) {
        return json(client.get("/api/runs/" + runId)).get("state").asText();
    }

    private static HttpResponse<String> post(ApiClient client, String projectId, String prompt, String messageId) {
        return client.post(
                "/api/runs",
                "{\"projectId\":\"" + projectId + "\",\"prompt\":\"" + prompt + "\",\"clientMessageId\":\"" + messageId
                        + "\"}");
    }

    private static JsonNode start(ApiClient client, String projectId, String prompt, String messageId) {
        var response = post(client, projectId, prompt, messageId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    @Test
    void sigtermLetsRunsFinishWithinTheDrainTimeHandsTheRestOverAsLostAndExits() throws Exception {
        Path base = folder.toRealPath();
        Path work = Files.createDirectories(base.resolve("work"));
        Path cwd = Files.createDirectories(work.resolve("app"));
        Map<String, String> other = Map.of(
                "CCUI_NODE_ID",
                "other-" + UUID.randomUUID().toString().substring(0, 8),
                "CCUI_NODE_TIMEOUT",
                "10m",
                "CCUI_WORKSPACES_ROOT",
                work.toString());
        try (var api = new FakeMessagesApi();
                var reader = TestApplication.postgres(Files.createDirectories(base.resolve("reader")), other)) {
            ApiClient admin = ApiClient.setUpAdmin(reader.startHttp());
            String projectId = json(admin.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                    .get("id")
                    .asText();

            Map<String, String> env = new HashMap<>(TestApplication.baseEnvironment(base.resolve("jar")));
            env.putAll(TestApplication.cliEnvironment(base, TestCli.path().toString(), api.baseUrl()));
            env.put("DATABASE_URL", reader.postgresUrl());
            env.put("CCUI_NODE_ID", "draining-" + UUID.randomUUID().toString().substring(0, 8));
            env.put("CCUI_DRAIN_TIMEOUT", DRAIN.toSeconds() + "s");
            env.put("CCUI_PERMISSION_TIMEOUT", "10m");
            env.put("CLAUDE_CONFIG_DIR", base.resolve("claude").toString());
            try (JarProcess jar = JarProcess.start(env)) {
                Matcher listening = LISTENING.matcher(
                        jar.awaitLine(l -> LISTENING.matcher(l).find(), WAIT));
                assertThat(listening.find()).isTrue();
                String jarBase = "http://127.0.0.1:" + listening.group(1);
                var login = new ApiClient(jarBase, null)
                        .post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
                ApiClient onJar =
                        new ApiClient(jarBase, json(login).get("token").asText());

                // One run that finishes within the drain time (a hundred words, one every 100 ms)...
                String slowMessage = UUID.randomUUID().toString();
                JsonNode finishing = start(onJar, projectId, "SLOW", slowMessage);
                // ...and one that never does: its file write waits for a decision nobody gives.
                JsonNode waiting = start(
                        onJar,
                        projectId,
                        "WRITE " + cwd.resolve("never.txt"),
                        UUID.randomUUID().toString());
                String finishingId = finishing.get("runId").asText();
                String waitingId = waiting.get("runId").asText();
                await("the slow run streams", () -> state(admin, finishingId).equals("running"));
                await(
                        "the write waits for a decision",
                        () -> state(admin, waitingId).equals("awaiting_permission"));

                long termAt = System.nanoTime();
                jar.terminate();
                await("health says draining", () -> {
                    HttpResponse<String> health = onJar.get("/api/health");
                    return health.statusCode() == 503
                            && json(health).get("status").asText().equals("draining");
                });
                HttpResponse<String> refused =
                        post(onJar, projectId, "hello", UUID.randomUUID().toString());
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(json(refused).get("error").get("code").asText()).isEqualTo("DRAINING");
                assertThat(refused.headers().firstValue("Retry-After")).contains("2");
                // A repeat of a prompt it took still finds its run: the client's retry is not a second run.
                HttpResponse<String> repeat = post(onJar, projectId, "SLOW", slowMessage);
                assertThat(repeat.statusCode()).as(repeat.body()).isEqualTo(202);
                assertThat(json(repeat).get("runId").asText()).isEqualTo(finishingId);
                assertThat(JsonSocketClient.handshakeStatus(() -> JsonSocketClient.open(
                                jarBase,
                                "/ws/terminal?projectId=" + projectId,
                                Map.of("Authorization", "Bearer " + onJar.token()))))
                        .as("no new terminal on a draining node")
                        .isEqualTo(503);
                // Reads still work, on the draining node too.
                assertThat(onJar.get("/api/runs/" + finishingId).statusCode()).isEqualTo(200);

                await(
                        "the slow run completes while the node drains",
                        () -> !state(admin, finishingId).equals("running"));
                assertThat(state(admin, finishingId)).isEqualTo("completed");
                assertThat(state(admin, waitingId)).isEqualTo("awaiting_permission");

                assertThat(jar.awaitExit(DRAIN.plus(WAIT))).isIn(0, 143);
                long drainedMs = (System.nanoTime() - termAt) / 1_000_000;
                assertThat(drainedMs).as("ms from SIGTERM to exit").isGreaterThanOrEqualTo(DRAIN.toMillis());
                assertThat(state(admin, waitingId)).isEqualTo("lost");
                List<String> ends = json(admin.get(
                                "/api/sessions/" + waiting.get("sessionId").asText() + "/events?afterSeq=0"))
                        .get("items")
                        .findValues("event")
                        .stream()
                        .filter(e -> e.get("kind").asText().equals("run_ended"))
                        .map(e -> e.get("reason").asText())
                        .toList();
                assertThat(ends).containsExactly("lost");
                assertThat(String.join("\n", jar.output())).contains("drain timeout: 1 active run(s) marked lost");
                assertThat(Files.exists(cwd.resolve("never.txt"))).isFalse();
            }
        }
    }
}
