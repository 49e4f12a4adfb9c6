package dev.ccui.bootstrap.nodes;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.TestApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Two nodes of the app in this JVM, as {@code Main} builds them, sharing a PostgreSQL schema,
 * Redis and the signing secret, each running the real claude CLI against one fake Messages API:
 * an admin signed in on each and one project. Node ids are unique per test, so tests that run at
 * the same time on the same Redis never hear each other's commands.
 */
public record TwoNodes(
        TestApplication a,
        TestApplication b,
        FakeMessagesApi api,
        ApiClient onA,
        ApiClient onB,
        Path cwd,
        String projectId)
        implements AutoCloseable {
    public static final String REDIS_URL =
            System.getenv().getOrDefault("CCUI_TEST_REDIS_URL", "redis://127.0.0.1:6379");
    public static final Duration WAIT = Duration.ofSeconds(60);

    public static TwoNodes start(Path folder, Map<String, String> extra) throws Exception {
        Path base = folder.toRealPath();
        var api = new FakeMessagesApi();
        Map<String, String> env = new HashMap<>(
                TestApplication.cliEnvironment(base, TestCli.path().toString(), api.baseUrl()));
        env.put("REDIS_URL", REDIS_URL);
        env.put("JWT_SECRET", "a shared signing secret of two nodes, 32+ bytes");
        env.put("CCUI_PERMISSION_TIMEOUT", "10m");
        env.put("CLAUDE_CONFIG_DIR", base.resolve("claude").toString());
        env.putAll(extra);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> envA = new HashMap<>(env);
        envA.put("CCUI_NODE_ID", "node-a-" + suffix);
        Map<String, String> envB = new HashMap<>(env);
        envB.put("CCUI_NODE_ID", "node-b-" + suffix);
        Path cwd = Files.createDirectories(base.resolve("work").resolve("app"));
        TestApplication a = TestApplication.postgres(Files.createDirectories(base.resolve("a")), envA);
        TestApplication b;
        try {
            b = TestApplication.postgresNodeBeside(a, Files.createDirectories(base.resolve("b")), envB);
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
        ApiClient onA = ApiClient.setUpAdmin(a.startHttp());
        String baseB = b.startHttp();
        var login = new ApiClient(baseB, null)
                .post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
        ApiClient onB = new ApiClient(baseB, json(login).get("token").asText());
        String projectId = json(onA.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                .get("id")
                .asText();
        return new TwoNodes(a, b, api, onA, onB, cwd, projectId);
    }

    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** {@code POST /api/runs} through {@code client}: the run belongs to the node that took it. */
    public JsonNode startRun(ApiClient client, String prompt) {
        var response = client.post(
                "/api/runs",
                "{\"projectId\":\"" + projectId + "\",\"prompt\":\"" + prompt + "\",\"clientMessageId\":\""
                        + UUID.randomUUID() + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response);
    }

    public static String state(ApiClient client, String runId) {
        return json(client.get("/api/runs/" + runId)).get("state").asText();
    }

    /** The run's events of a kind, from the shared log. */
    public static List<JsonNode> events(ApiClient client, JsonNode started, String kind) {
        JsonNode items = json(client.get(
                        "/api/sessions/" + started.get("sessionId").asText() + "/events?afterSeq=0"))
                .get("items");
        return items.findValues("event").stream()
                .filter(e -> e.get("kind").asText().equals(kind))
                .toList();
    }

    /** A run waiting for a decision on its request. */
    public record Pending(JsonNode started, String runId, String requestId) {
        public String decisionPath() {
            return "/api/runs/" + runId + "/permissions/" + requestId;
        }
    }

    /** Starts a run on node a whose file write waits for a decision. */
    public Pending awaitingRunOnA(String file) {
        JsonNode started = startRun(onA, "WRITE " + cwd.resolve(file));
        String runId = started.get("runId").asText();
        await("the run on node a waits for a permission", () -> {
            String now = state(onB, runId);
            assertThat(now).as("the run").isIn("starting", "running", "awaiting_permission");
            return now.equals("awaiting_permission");
        });
        // The run's row says it waits before its request is appended to the shared log (so that
        // a client hearing the request never reads "running"): the request follows shortly.
        await(
                "the request is in the shared log",
                () -> !events(onB, started, "permission_request").isEmpty());
        List<JsonNode> requests = events(onB, started, "permission_request");
        assertThat(requests).hasSize(1);
        return new Pending(started, runId, requests.getFirst().get("requestId").asText());
    }

    @Override
    public void close() {
        try (api;
                a;
                b) {
            // b first (it shares a's schema), then a, then the fake API: try-with-resources closes in reverse.
        }
    }
}
