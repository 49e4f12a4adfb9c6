package dev.ccui.bootstrap.run;

import static dev.ccui.bootstrap.testing.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ccui.adapters.persistence.db.Database;
import dev.ccui.adapters.persistence.db.DatabaseSettings;
import dev.ccui.adapters.persistence.run.JdbiNodeHeartbeats;
import dev.ccui.adapters.persistence.run.JdbiRunRepository;
import dev.ccui.adapters.process.claude.FakeMessagesApi;
import dev.ccui.adapters.process.claude.TestCli;
import dev.ccui.bootstrap.testing.ApiClient;
import dev.ccui.bootstrap.testing.JarProcess;
import dev.ccui.bootstrap.testing.TestApplication;
import dev.ccui.domain.project.ProjectId;
import dev.ccui.domain.run.NodeId;
import dev.ccui.domain.run.Run;
import dev.ccui.domain.run.RunId;
import dev.ccui.domain.run.RunState;
import dev.ccui.domain.session.SessionId;
import dev.ccui.domain.user.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Several nodes on one PostgreSQL database: a node starting marks only its own leftover runs
 * lost, never the runs of a node that is alive; a node that dies (SIGKILL, no goodbye) has its
 * running runs marked lost by a node that outlives it, once, after {@code CCUI_NODE_TIMEOUT}.
 * Node b is the executable jar in its own process, so it can really die.
 */
@Timeout(240)
class LostRunsAcrossNodesIT {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Short for the test, yet four heartbeats long: a busy machine must not make a live node look dead. */
    private static final String NODE_TIMEOUT = "8s";

    @TempDir
    Path folder;

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static String state(ApiClient client, String runId) {
        return json(client.get("/api/runs/" + runId)).get("state").asText();
    }

    @Test
    void onlyOwnLeftoverRunsAreLostAtStartAndADeadNodesRunsAreLostOnceAfterItsSilence() throws Exception {
        Path base = folder.toRealPath();
        Path work = Files.createDirectories(base.resolve("work"));
        Path cwd = Files.createDirectories(work.resolve("app"));
        Path home = Files.createDirectories(base.resolve("home"));
        Path tmp = Files.createDirectories(base.resolve("tmp"));
        // Node a never reaps within this test: whatever is lost is lost by node c (or by node c's start).
        Map<String, String> nodeA =
                Map.of("CCUI_NODE_ID", "node-a", "CCUI_NODE_TIMEOUT", "10m", "CCUI_WORKSPACES_ROOT", work.toString());
        try (var api = new FakeMessagesApi();
                var a = TestApplication.postgres(Files.createDirectories(base.resolve("a")), nodeA);
                var database = Database.open(DatabaseSettings.fromUrl(a.postgresUrl(), 2))) {
            ApiClient admin = ApiClient.setUpAdmin(a.startHttp());
            String projectId = json(admin.post("/api/projects", "{\"path\":\"" + cwd + "\"}"))
                    .get("id")
                    .asText();
            var runs = new JdbiRunRepository(database.jdbi());
            var heartbeats = new JdbiNodeHeartbeats(database.jdbi());

            Map<String, String> env = new HashMap<>();
            env.put("DATABASE_URL", a.postgresUrl());
            env.put("CCUI_NODE_ID", "node-b");
            env.put("CCUI_NODE_TIMEOUT", NODE_TIMEOUT);
            env.put("CCUI_PORT", "0");
            env.put("CCUI_DATA_DIR", base.resolve("b").toString());
            env.put("CCUI_BCRYPT_COST", "4");
            env.put("CCUI_RATE_LIMIT_PER_MINUTE", "0");
            env.put("CCUI_PERMISSION_TIMEOUT", "10m");
            env.put("CCUI_WORKSPACES_ROOT", work.toString());
            env.put("CLAUDE_CONFIG_DIR", base.resolve("claude").toString());
            env.put("CLAUDE_CLI_PATH", TestCli.path().toString());
            env.put("HOME", home.toString());
            env.put("LANG", "C.UTF-8");
            env.put("TMPDIR", tmp.toString());
            env.put("CLAUDE_CODE_TMPDIR", tmp.toString());
            env.putAll(TestCli.fakeApiEnvironment(api.baseUrl()));
            try (JarProcess b = JarProcess.start(env)) {
                Matcher listening =
                        LISTENING.matcher(b.awaitLine(l -> LISTENING.matcher(l).find(), WAIT));
                assertThat(listening.find()).isTrue();
                String bBase = "http://127.0.0.1:" + listening.group(1);
                var login = new ApiClient(bBase, null)
                        .post("/api/auth/login", "{\"username\":\"admin\",\"password\":\"admin password 1\"}");
                ApiClient adminOnB =
                        new ApiClient(bBase, json(login).get("token").asText());

                // A run on node b that stays active: its file write waits for a decision nobody gives.
                var started = adminOnB.post(
                        "/api/runs",
                        "{\"projectId\":\"" + projectId + "\",\"prompt\":\"WRITE " + cwd.resolve("never.txt")
                                + "\",\"clientMessageId\":\"" + UUID.randomUUID() + "\"}");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                String runOfB = json(started).get("runId").asText();
                String sessionOfB = json(started).get("sessionId").asText();
                await("node b's run waits for a permission", () -> {
                    String now = state(admin, runOfB);
                    assertThat(now).as("node b's run").isIn("starting", "running", "awaiting_permission");
                    return now.equals("awaiting_permission");
                });
                assertThat(runs.findById(RunId.parse(runOfB).orElseThrow())
                                .orElseThrow()
                                .nodeId())
                        .isEqualTo(new NodeId("node-b"));

                // Node c's previous life left a run active (it died), recorded through the repository as it would have.
                Run leftover = new Run(
                        RunId.random(),
                        new SessionId(UUID.randomUUID().toString()),
                        ProjectId.parse(projectId).orElseThrow(),
                        UserId.random(),
                        RunState.RUNNING,
                        "leftover",
                        Instant.now().minusSeconds(60),
                        null,
                        new NodeId("node-c"));
                assertThat(runs.insert(leftover)).isTrue();
                heartbeats.beat(new NodeId("node-c"), Instant.now());

                Instant cStarted = Instant.now();
                try (var c = TestApplication.postgresNodeBeside(
                        a,
                        Files.createDirectories(base.resolve("c")),
                        Map.of(
                                "CCUI_NODE_ID",
                                "node-c",
                                "CCUI_NODE_TIMEOUT",
                                NODE_TIMEOUT,
                                "CCUI_WORKSPACES_ROOT",
                                work.toString()))) {
                    c.startHttp();
                    assertThat(runs.findById(leftover.id()).orElseThrow().state())
                            .as("node c's own leftover is lost as soon as node c has started")
                            .isEqualTo(RunState.LOST);
                    assertThat(state(admin, runOfB))
                            .as("node b's run is untouched by node c's start")
                            .isEqualTo("awaiting_permission");

                    // Several heartbeats of node c later (each one also looks for silent nodes), b is still alive.
                    await(
                            "node c beat for longer than the node timeout",
                            () -> heartbeatOf(database, "node-c").isAfter(cStarted.plusSeconds(10)));
                    assertThat(state(admin, runOfB)).isEqualTo("awaiting_permission");

                    List<ProcessHandle> cli = ProcessHandle.of(b.pid())
                            .orElseThrow()
                            .descendants()
                            .toList();
                    ProcessHandle.of(b.pid()).orElseThrow().destroyForcibly();
                    b.awaitExit(WAIT);
                    cli.forEach(ProcessHandle::destroyForcibly);

                    await(
                            "node b's run is marked lost after its node fell silent",
                            () -> state(admin, runOfB).equals("lost"));
                    // The row is written first, then run_ended is appended: the event follows within moments.
                    await(
                            "the session's log says the run was lost",
                            () -> !endsOf(admin, sessionOfB).isEmpty());
                    assertThat(endsOf(admin, sessionOfB)).containsExactly("lost");
                    assertThat(runs.findById(RunId.parse(runOfB).orElseThrow())
                                    .orElseThrow()
                                    .endedAt())
                            .isAfter(cStarted.plusSeconds(10));
                }
            }
        }
    }

    private static Instant heartbeatOf(Database database, String node) {
        long millis = database.jdbi()
                .withHandle(h -> h.createQuery("SELECT heartbeat_at FROM app_nodes WHERE id = :id")
                        .bind("id", node)
                        .mapTo(Long.class)
                        .one());
        return Instant.ofEpochMilli(millis);
    }

    /** The reasons of the run_ended events in the session's log, oldest first. */
    private static List<String> endsOf(ApiClient admin, String sessionId) {
        JsonNode events = json(admin.get("/api/sessions/" + sessionId + "/events?afterSeq=0"))
                .get("items");
        return events.findValues("event").stream()
                .filter(e -> e.get("kind").asText().equals("run_ended"))
                .map(e -> e.get("reason").asText())
                .toList();
    }
}
